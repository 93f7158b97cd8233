using System.Collections.Immutable;

namespace Craftsman.Contracts.Editions;

/// <summary>The answer to an import: either every error found, or nothing wrong and the edition stored.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ImportResult")]
public sealed record ImportResult(
    [property: Id(0)] bool Imported,
    [property: Id(1)] ImmutableArray<string> Errors);
