namespace Craftsman.Grains;

/// <summary>The grain storage every Craftsman grain persists to; the host decides what backs it.</summary>
public static class StorageNames
{
    public const string Craftsman = "craftsman";
}
