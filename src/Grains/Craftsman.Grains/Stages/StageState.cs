using System.Collections.Immutable;
using Craftsman.Contracts.Stages;

namespace Craftsman.Grains.Stages;

/// <summary>The one fact an occupation's stages add to their rounds' ledgers: who each stage advanced.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.StageState")]
public sealed record StageState
{
    [Id(0)] public ImmutableDictionary<string, Advancement> Advancements { get; init; } = ImmutableDictionary<string, Advancement>.Empty;
}
