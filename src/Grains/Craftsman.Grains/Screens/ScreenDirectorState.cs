using System.Collections.Immutable;
using Craftsman.Contracts.Screens;

namespace Craftsman.Grains.Screens;

[GenerateSerializer, Immutable, Alias("craftsman.ScreenDirectorState")]
public sealed record ScreenDirectorState
{
    /// <summary>By <see cref="ScreenRules.Key"/>.</summary>
    [Id(0)] public ImmutableDictionary<string, ScreenDirection> Screens { get; init; } = ImmutableDictionary<string, ScreenDirection>.Empty;

    [Id(1)] public long Version { get; init; }
}
