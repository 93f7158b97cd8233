using Craftsman.Contracts.Marking;

namespace Craftsman.Grains.Contests;

/// <summary>A mark the contest acknowledged, kept so a resend with its key gets the same answer.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.AcceptedMark")]
public sealed record AcceptedMark(
    [property: Id(0)] MarkSubmission Submission,
    [property: Id(1)] MarkOutcome Outcome);
