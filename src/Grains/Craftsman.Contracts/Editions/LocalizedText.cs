namespace Craftsman.Contracts.Editions;

/// <summary>A name or title in both languages the product shows: Chinese first, English beside it.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.LocalizedText")]
public sealed record LocalizedText([property: Id(0)] string Zh, [property: Id(1)] string En);
