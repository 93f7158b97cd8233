namespace Craftsman.Contracts.Results;

/// <summary>What an objector writes: who they are, how to reach them, what they object to, and which occupation (and person) it concerns.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ObjectionForm")]
public sealed record ObjectionForm(
    [property: Id(0)] string Name,
    [property: Id(1)] string Contact,
    [property: Id(2)] string Text,
    [property: Id(3)] string OccupationCode,
    [property: Id(4)] string? Concerning);

[GenerateSerializer, Immutable, Alias("craftsman.Objection")]
public sealed record Objection(
    [property: Id(0)] int Number,
    [property: Id(1)] ObjectionForm Form,
    [property: Id(2)] DateTimeOffset LodgedAt,
    [property: Id(3)] ObjectionResolution? Resolution);

/// <summary>The office's resolution: an upheld objection keeps its occupation's candidate from being named.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ObjectionResolution")]
public sealed record ObjectionResolution(
    [property: Id(0)] bool Upheld,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("craftsman.LodgeResult")]
public sealed record LodgeResult(
    [property: Id(0)] int? Number,
    [property: Id(1)] ResultsRefusal? Refusal);
