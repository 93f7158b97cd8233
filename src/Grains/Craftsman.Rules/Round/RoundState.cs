using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Rules.Ledger;

namespace Craftsman.Rules.Round;

/// <summary>
/// Everything known about one round, derived from its ledger and held in memory only: the
/// ledger is the single durable record, and this is its replay (<see cref="RoundReplay"/>).
/// Nothing here is written anywhere, so nothing here can disagree with the ledger.
/// </summary>
public sealed record RoundState
{
    /// <summary>The contest's key ("{edition}/{occupation}"), what the board names before set-up.</summary>
    public required string Key { get; init; }
    public ContestDefinition? Definition { get; init; }
    public RoundPhase Phase { get; init; } = RoundPhase.Draft;

    /// <summary>The sequence of the last ledger entry: every change is one entry, so it is the round's version.</summary>
    public long Version => LedgerEnd.Sequence;
    public LedgerPosition LedgerEnd { get; init; } = new(0, LedgerChain.Genesis);
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public bool Blind { get; init; }

    /// <summary>Contestant id → draw number (1-based), opened from the sealed envelope the ledger's draw entry commits to.</summary>
    public ImmutableDictionary<string, int> DrawNumbers { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>The sealed envelopes of this round's draws, by commitment: what replay opens a draw entry with.</summary>
    public ImmutableDictionary<string, DrawEnvelope> Envelopes { get; init; } = ImmutableDictionary<string, DrawEnvelope>.Empty;
    public ImmutableSortedSet<string> CheckedIn { get; init; } = [];

    /// <summary>Contestants who do not compete (absent, withdrawn, disqualified), with why.</summary>
    public ImmutableSortedDictionary<string, Absence> Absences { get; init; } = ImmutableSortedDictionary<string, Absence>.Empty;
    public ImmutableSortedSet<ActorRole> RevealApprovals { get; init; } = [];

    /// <summary>Criterion key (see <see cref="CriterionKey"/>) → the judges who may re-mark it.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> Reopened { get; init; } = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Criterion key → the chief judge's written reason for confirming its flag.</summary>
    public ImmutableSortedDictionary<string, string> Confirmed { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
    public string? SignedOffBy { get; init; }
    public DateTimeOffset? SignedOffAt { get; init; }

    /// <summary>The public board at the moment of freezing (already masked as the public saw it).</summary>
    public Leaderboard? FrozenBoard { get; init; }
    public int? RevealedFromBottom { get; init; }
    public ImmutableList<Appeal> Appeals { get; init; } = [];

    /// <summary>Criterion keys reopened by an upheld appeal, awaiting the chief judge's confirmation.</summary>
    public ImmutableSortedSet<string> AppealReopened { get; init; } = [];
    public string? TitleHolderId { get; init; }

    /// <summary>Each contestant's scoresheet: its current marks, aggregates and corrections.</summary>
    public ImmutableDictionary<string, Scoresheet> Sheets { get; init; } = ImmutableDictionary<string, Scoresheet>.Empty;

    /// <summary>What the ranking needs of each sheet, kept beside it.</summary>
    public ImmutableDictionary<string, ContestantScore> Scores { get; init; } = ImmutableDictionary<string, ContestantScore>.Empty;

    /// <summary>Every idempotency key the ledger holds, so a resend is answered with its first outcome.</summary>
    public ImmutableDictionary<string, KnownMark> Keys { get; init; } = ImmutableDictionary<string, KnownMark>.Empty;

    public static RoundState Empty(string key) => new() { Key = key };

    public static string CriterionKey(string contestantId, string criterionId) => $"{contestantId}|{criterionId}";

    /// <summary>Flags not yet confirmed by the chief judge; re-marking within tolerance clears a flag by itself.</summary>
    public IEnumerable<(string ContestantId, FlaggedCriterion Flag)> OpenFlags =>
        Scores.Where(s => !Absences.ContainsKey(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal)
            .SelectMany(s => s.Value.Flagged.Select(f => (s.Key, f)))
            .Where(x => !Confirmed.ContainsKey(CriterionKey(x.Key, x.f.CriterionId)));

    public DateTimeOffset? ObjectionWindowClosesAt =>
        PublishedAt?.AddMinutes(Definition?.Edition.AppealWindowMinutes ?? 0);

    /// <summary>A contestant who competes: set up in this round and not absent, withdrawn or disqualified.</summary>
    public bool Competes(string contestantId) =>
        Definition?.Contestants.Any(c => c.Id == contestantId) == true && !Absences.ContainsKey(contestantId);
}

/// <summary>A mark the ledger holds under its key: as it was sent (the contestant as named then) and what it was answered.</summary>
public sealed record KnownMark(MarkSubmission Sent, string ContestantId, MarkOutcome Outcome);
