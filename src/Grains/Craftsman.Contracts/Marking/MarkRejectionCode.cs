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
}
