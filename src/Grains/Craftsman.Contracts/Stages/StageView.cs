using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;

namespace Craftsman.Contracts.Stages;

/// <summary>One stage as the public and the console list it: its round code, phase, share and advancement.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.StageView")]
public sealed record StageView(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] string RoundCode,
    [property: Id(3)] RoundPhase Phase,
    [property: Id(4)] decimal Weight,
    [property: Id(5)] int? Advance,
    [property: Id(6)] Advancement? Advancement);
