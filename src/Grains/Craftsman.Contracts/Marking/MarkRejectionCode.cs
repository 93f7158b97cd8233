namespace Craftsman.Contracts.Marking;

/// <summary>Why a mark was refused; the code is machine-readable and stable, the message is for people.</summary>
[GenerateSerializer, Alias("craftsman.MarkRejectionCode")]
public enum MarkRejectionCode
{
    InvalidSubmission = 0,
    ContestNotSetUp = 1,
    RoundNotLive = 2,
    UnknownContestant = 3,
    UnknownCriterion = 4,
    JudgeNotOnPanel = 5,
    MarkOutOfRange = 6,
    MarkOffStep = 7,
    MeasurementAlreadyConfirmed = 8,
    IdempotencyKeyReused = 9,

    /// <summary>The contestant is absent, withdrawn or disqualified.</summary>
    ContestantNotCompeting = 10,

    /// <summary>A blind round names contestants by draw number only; a real id is refused.</summary>
    DrawNumberRequired = 11,
}
