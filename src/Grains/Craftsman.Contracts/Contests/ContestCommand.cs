using System.Collections.Immutable;

namespace Craftsman.Contracts.Contests;

/// <summary>Something a person asks of a round besides marking. Each is checked, applied and written to the ledger, or refused with nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ContestCommand")]
public abstract record ContestCommand;

/// <summary>Move the round one phase on (sign-off is the chief judge's Review → SignedOff).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.MoveRound")]
public sealed record MoveRound([property: Id(0)] RoundPhase Target) : ContestCommand;

/// <summary>Make the round blind (judges and viewers see draw numbers only until publication).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.SetBlind")]
public sealed record SetBlind([property: Id(0)] bool Blind) : ContestCommand;

[GenerateSerializer, Immutable, Alias("craftsman.CheckInContestant")]
public sealed record CheckInContestant([property: Id(0)] string ContestantId) : ContestCommand;

/// <summary>The encryption officer draws the numbers of a blind round.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.DrawNumbers")]
public sealed record DrawNumbers : ContestCommand;

/// <summary>Consent to reveal a blind round's mapping at publication; needs the encryption officer and the chief judge.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ApproveReveal")]
public sealed record ApproveReveal : ContestCommand;

/// <summary>The chief judge reopens a flagged (or appealed) criterion of one contestant for named judges to re-mark.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ReopenCriterion")]
public sealed record ReopenCriterion(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] ImmutableArray<string> JudgeIds) : ContestCommand;

/// <summary>The chief judge confirms a flagged (or appealed) criterion as it stands, with a written reason.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ConfirmCriterion")]
public sealed record ConfirmCriterion(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] string Reason) : ContestCommand;

/// <summary>Freeze the public board: viewers keep the standing of this moment.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.FreezeBoard")]
public sealed record FreezeBoard : ContestCommand;

/// <summary>Reveal a frozen board: all at once, or the next rank from the bottom.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RevealBoard")]
public sealed record RevealBoard([property: Id(0)] bool OneRankFromBottom) : ContestCommand;

/// <summary>An objection (申诉) against one criterion of one contestant, within the objection window.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.FileAppeal")]
public sealed record FileAppeal(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] string Grounds) : ContestCommand;

/// <summary>The arbitration group's ruling, with its written reason.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RuleAppeal")]
public sealed record RuleAppeal(
    [property: Id(0)] int AppealNumber,
    [property: Id(1)] bool Upheld,
    [property: Id(2)] string Reason) : ContestCommand;

/// <summary>
/// The organiser records that a contestant does not compete: absent at check-in, withdrawn, or
/// disqualified, with the reason. They are listed after those who compete, unranked.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.MarkAbsent")]
public sealed record MarkAbsent(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] AbsenceKind Kind,
    [property: Id(2)] string Reason) : ContestCommand;
