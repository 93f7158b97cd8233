namespace Craftsman.Contracts.Registration;

/// <summary>What anyone may know of an occupation's open call: its window and counts, never a person.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.OpenCallSummary")]
public sealed record OpenCallSummary(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] OpenCallWindow? Window,
    [property: Id(2)] bool IsOpen,
    [property: Id(3)] int Received,
    [property: Id(4)] int Accepted);
