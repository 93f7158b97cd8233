using System.Collections.Immutable;
using Craftsman.Contracts.Contests;

namespace Craftsman.Rules.Ledger;

// What each kind of ledger entry records, one record per kind (a "mark" is LedgerMark, a set-up the
// ContestDefinition itself, an appeal the Appeal). Written by the contest, read back by the replay
// that rebuilds the round and by the verifier, in the JSON of LedgerChain.DataJson.

public sealed record PhaseChanged(RoundPhase From, RoundPhase To);

public sealed record BlindSet(bool Blind);

public sealed record CheckedIn(string Contestant);

public sealed record ContestantAbsent(string Contestant, AbsenceKind Kind, string Reason);

/// <summary>A draw happened; only its commitment is recorded until publication (see DrawEnvelope).</summary>
public sealed record NumbersDrawn(int Count, string Commitment);

public sealed record RevealApproved(string By, ActorRole Role);

public sealed record CriterionReopened(string Contestant, string Criterion, ImmutableArray<string> Judges);

public sealed record CriterionConfirmed(string Contestant, string Criterion, string Reason);

/// <summary>What the ledger records of a board: enough for the verifier to compare its own result.</summary>
public sealed record RecordedStanding(int Rank, string ContestantId, decimal Composite);

public sealed record SignedOff(string Chief, ImmutableArray<RecordedStanding> Board);

public sealed record BoardFrozen(long Version);

public sealed record BoardRevealed(int Revealed, int Of);

/// <summary>Publication reveals a blind round's envelope (numbers and salt), which the verifier checks against the draw's commitment.</summary>
public sealed record Published(ImmutableDictionary<string, int>? DrawNumbers, string? DrawSalt, ImmutableArray<RecordedStanding> Board);

public sealed record Republished(string Contestant, string Criterion, string Reason, ImmutableArray<RecordedStanding> Board);

public sealed record Finalised(string? TitleHolder, ArenaOutcome Outcome, ImmutableArray<RecordedStanding> Board);
