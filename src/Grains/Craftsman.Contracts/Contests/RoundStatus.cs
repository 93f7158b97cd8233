using System.Collections.Immutable;

namespace Craftsman.Contracts.Contests;

/// <summary>Where a round stands beyond its board: blind draw, check-in, flags, sign-off, freeze, appeals.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RoundStatus")]
public sealed record RoundStatus(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] RoundPhase Phase,
    [property: Id(2)] long Version,
    [property: Id(3)] bool Blind,
    [property: Id(4)] bool NumbersDrawn,
    [property: Id(5)] ImmutableArray<string> CheckedIn,
    [property: Id(6)] ImmutableArray<OpenFlag> OpenFlags,
    [property: Id(7)] ImmutableArray<ReopenedCriterion> Reopened,
    [property: Id(8)] ImmutableArray<ActorRole> RevealApprovals,
    [property: Id(9)] string? SignedOffBy,
    [property: Id(10)] DateTimeOffset? SignedOffAt,
    [property: Id(11)] bool Frozen,
    [property: Id(12)] int? RevealedFromBottom,
    [property: Id(13)] DateTimeOffset? ObjectionWindowClosesAt,
    [property: Id(14)] ImmutableArray<Appeal> Appeals,
    [property: Id(15)] string LedgerHead,
    [property: Id(16)] string? TitleHolderId,
    [property: Id(17)] ImmutableArray<AppealedCriterion> AwaitingConfirmation)
{
    /// <summary>Contestants who do not compete, with the kind and the reason (ids as the caller may see them).</summary>
    [Id(18)] public ImmutableArray<NotCompeting> NotCompeting { get; init; } = [];

    /// <summary>Flags the chief judge confirmed, with their reasons, so documents show them resolved.</summary>
    [Id(19)] public ImmutableArray<ConfirmedCriterion> Confirmed { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("craftsman.NotCompeting")]
public sealed record NotCompeting(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] AbsenceKind Kind,
    [property: Id(2)] string Reason);

/// <summary>A flagged criterion the chief judge has not yet resolved (ids as the caller may see them).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.OpenFlag")]
public sealed record OpenFlag(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] Marking.CriterionFlag Flag);

[GenerateSerializer, Immutable, Alias("craftsman.ReopenedCriterion")]
public sealed record ReopenedCriterion(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] ImmutableArray<string> JudgeIds);

/// <summary>A criterion reopened by an upheld appeal that the chief judge has yet to confirm; the round cannot be Final before.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.AppealedCriterion")]
public sealed record AppealedCriterion(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] string CriterionId);
