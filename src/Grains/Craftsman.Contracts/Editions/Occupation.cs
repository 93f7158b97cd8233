using System.Collections.Immutable;

namespace Craftsman.Contracts.Editions;

/// <summary>An occupation (工种) of the edition; each runs one contest per stage (one when it has no stages).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Occupation")]
public sealed record Occupation(
    [property: Id(0)] string Code,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] ContestMode Mode,
    [property: Id(3)] string Scheme,
    [property: Id(4)] string? NameSource)
{
    /// <summary>The occupation's stages in order; empty (or absent in the file) means one round, as before stages existed.</summary>
    [Id(5)] public ImmutableArray<Stage> Stages { get; init; } = [];
}
