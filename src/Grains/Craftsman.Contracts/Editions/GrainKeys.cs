namespace Craftsman.Contracts.Editions;

/// <summary>How contest and contestant grains are keyed, so every caller builds the same key.</summary>
public static class GrainKeys
{
    public static string Contest(string editionId, string occupationCode) => $"{editionId}/{occupationCode}";

    /// <summary>An occupation's open call: one registry per occupation, keyed like its contest.</summary>
    public static string Registry(string editionId, string occupationCode) => $"{editionId}/{occupationCode}";

    /// <summary>The occupation of a key built by <see cref="Contest"/> or <see cref="Registry"/>.</summary>
    public static string OccupationOf(string occupationKey) => occupationKey[(occupationKey.LastIndexOf('/') + 1)..];

    public static string Contestant(string editionId, string contestantId) => $"{editionId}/{contestantId}";
}
