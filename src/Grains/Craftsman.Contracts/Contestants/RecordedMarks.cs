using System.Collections.Immutable;

namespace Craftsman.Contracts.Contestants;

/// <summary>A batch of marks as the contestant grain recorded them, in the order sent, and the scoresheet after all of them.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RecordedMarks")]
public sealed record RecordedMarks(
    [property: Id(0)] ImmutableArray<MarkRecording> Recordings,
    [property: Id(1)] Scoresheet Scoresheet);
