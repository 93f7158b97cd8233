using Craftsman.Contracts.Marking;

namespace Craftsman.Contracts.Contestants;

/// <summary>What the contestant grain did with a mark: stored it, found it already stored, or refused it.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.MarkRecording")]
public sealed record MarkRecording(
    [property: Id(0)] MarkRejection? Rejection,
    [property: Id(1)] bool IsCorrection,
    [property: Id(2)] bool AlreadyRecorded);
