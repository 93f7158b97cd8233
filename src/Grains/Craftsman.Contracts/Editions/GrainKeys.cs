namespace Craftsman.Contracts.Editions;

/// <summary>How contest and contestant grains are keyed, so every caller builds the same key.</summary>
public static class GrainKeys
{
    public static string Contest(string editionId, string occupationCode) => $"{editionId}/{occupationCode}";

    public static string Contestant(string editionId, string contestantId) => $"{editionId}/{contestantId}";
}
