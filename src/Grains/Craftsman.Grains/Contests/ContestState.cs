using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Grains.Ledger;

namespace Craftsman.Grains.Contests;

[GenerateSerializer, Immutable, Alias("craftsman.ContestState")]
public sealed record ContestState
{
    [Id(0)] public ContestDefinition? Definition { get; init; }
    [Id(1)] public RoundPhase Phase { get; init; } = RoundPhase.Draft;
    [Id(2)] public long Version { get; init; }
    [Id(3)] public ImmutableDictionary<string, ContestantScore> Scores { get; init; } = ImmutableDictionary<string, ContestantScore>.Empty;
    [Id(4)] public ImmutableDictionary<string, AcceptedMark> Accepted { get; init; } = ImmutableDictionary<string, AcceptedMark>.Empty;
    [Id(5)] public DateTimeOffset? PublishedAt { get; init; }
    [Id(6)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(7)] public bool Blind { get; init; }

    /// <summary>Contestant id → draw number (1-based), drawn by the encryption officer.</summary>
    [Id(8)] public ImmutableDictionary<string, int> DrawNumbers { get; init; } = ImmutableDictionary<string, int>.Empty;
    [Id(9)] public ImmutableSortedSet<string> CheckedIn { get; init; } = [];
    [Id(10)] public ImmutableSortedSet<ActorRole> RevealApprovals { get; init; } = [];

    /// <summary>Criterion key (see <see cref="CriterionKey"/>) → the judges who may re-mark it.</summary>
    [Id(11)] public ImmutableSortedDictionary<string, ImmutableArray<string>> Reopened { get; init; } = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Criterion key → the chief judge's written reason for confirming its flag.</summary>
    [Id(12)] public ImmutableSortedDictionary<string, string> Confirmed { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
    [Id(13)] public string? SignedOffBy { get; init; }
    [Id(14)] public DateTimeOffset? SignedOffAt { get; init; }

    /// <summary>The public board at the moment of freezing (already masked as the public saw it).</summary>
    [Id(15)] public Leaderboard? FrozenBoard { get; init; }
    [Id(16)] public int? RevealedFromBottom { get; init; }
    [Id(17)] public ImmutableList<Appeal> Appeals { get; init; } = [];
    /// <summary>The open stretch of the ledger: the entries after the last sealed segment.</summary>
    [Id(18)] public ImmutableList<LedgerEntry> Ledger { get; init; } = [];

    /// <summary>Criterion keys reopened by an upheld appeal, awaiting the chief judge's confirmation.</summary>
    [Id(19)] public ImmutableSortedSet<string> AppealReopened { get; init; } = [];
    [Id(20)] public string? TitleHolderId { get; init; }

    /// <summary>How many ledger segments are sealed in their own grains, how many entries they hold, and the last one's hash.</summary>
    [Id(21)] public int SealedSegments { get; init; }
    [Id(22)] public long SealedEntries { get; init; }
    [Id(23)] public string? SealedHead { get; init; }

    /// <summary>Where the next ledger entry links on: the last entry's sequence and hash.</summary>
    public LedgerPosition LedgerEnd => Ledger.Count > 0
        ? new LedgerPosition(Ledger[^1].Sequence, Ledger[^1].Hash)
        : new LedgerPosition(SealedEntries, SealedHead ?? LedgerChain.Genesis);

    public static string CriterionKey(string contestantId, string criterionId) => $"{contestantId}|{criterionId}";

    /// <summary>Flags not yet confirmed by the chief judge; re-marking within tolerance clears a flag by itself.</summary>
    public IEnumerable<(string ContestantId, FlaggedCriterion Flag)> OpenFlags =>
        Scores.OrderBy(s => s.Key, StringComparer.Ordinal)
            .SelectMany(s => s.Value.Flagged.Select(f => (s.Key, f)))
            .Where(x => !Confirmed.ContainsKey(CriterionKey(x.Key, x.f.CriterionId)));

    public DateTimeOffset? ObjectionWindowClosesAt =>
        PublishedAt?.AddMinutes(Definition?.Edition.AppealWindowMinutes ?? 0);
}
