using Craftsman.Contracts.Contests;

namespace Craftsman.Rules.Scoring;

/// <summary>
/// Ranks by composite, descending; ties go to the higher practical module score, then the higher
/// expert module score; a tie on all three shares the rank and skips the next (1, 1, 3).
/// </summary>
public static class Ranking
{
    /// <summary>The tie-break modules, in order (DESIGN.md §2). A scheme without one counts it as 0.</summary>
    public static readonly IReadOnlyList<string> TieBreakModules = ["practical", "expert"];

    // decimal division carries 28 significant digits, so two mathematically equal composites reached
    // by different sums can differ in the last digit; comparing at 10 places removes that residue
    // while staying far below anything a mark (step ≥ 0.01) can change.
    private const int ComparisonDecimals = 10;

    public static IReadOnlyList<Standing> Rank(IEnumerable<RankingEntry> entries, RoundPhase phase)
    {
        var status = StatusFor(phase);
        var ordered = entries
            .OrderByDescending(KeyOf, KeyComparer.Instance)
            .ThenBy(e => e.ContestantId, StringComparer.Ordinal)
            .ToList();

        var standings = new List<Standing>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            var rank = i > 0 && KeyComparer.Instance.Compare(KeyOf(entry), KeyOf(ordered[i - 1])) == 0
                ? standings[i - 1].Rank
                : i + 1;
            standings.Add(new Standing(rank, entry.ContestantId, entry.Name, entry.Role, entry.Composite,
                entry.Modules, status, entry.MarkCount, entry.HasOpenFlags));
        }
        return standings;
    }

    public static ResultStatus StatusFor(RoundPhase phase) => phase switch
    {
        RoundPhase.Final => ResultStatus.Official,
        RoundPhase.SignedOff or RoundPhase.Published => ResultStatus.SignedOff,
        _ => ResultStatus.Provisional,
    };

    private static decimal[] KeyOf(RankingEntry entry)
    {
        var key = new decimal[1 + TieBreakModules.Count];
        key[0] = Math.Round(entry.Composite, ComparisonDecimals);
        for (var i = 0; i < TieBreakModules.Count; i++)
        {
            var score = entry.Modules.FirstOrDefault(m => m.ModuleId == TieBreakModules[i])?.Score ?? 0m;
            key[i + 1] = Math.Round(score, ComparisonDecimals);
        }
        return key;
    }

    private sealed class KeyComparer : IComparer<decimal[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(decimal[]? x, decimal[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var c = x[i].CompareTo(y![i]);
                if (c != 0)
                    return c;
            }
            return 0;
        }
    }
}
