namespace Craftsman.Contracts.Registration;

/// <summary>The office's decision on one entry: accept, or reject with a reason.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.VettingDecision")]
public sealed record VettingDecision(
    [property: Id(0)] bool Accept,
    [property: Id(1)] string? Reason);
