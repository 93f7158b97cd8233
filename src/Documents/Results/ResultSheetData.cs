using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Documents.Results;

/// <summary>
/// Everything one occupation's result documents show, gathered from the grains at one
/// <see cref="Version"/>: the leaderboard (ranks, composites, module scores, arena outcome), each
/// contestant's scoresheet (criterion aggregates with dropped judges, and every judge's mark), the
/// panel, the chief judge's sign-off and the head hash of the occupation's ledger.
/// </summary>
/// <param name="Panel">The occupation's chief judge and marking judges, in the order their columns appear.</param>
/// <param name="SignedOffBy">The chief judge's id (or name) who signed the round off; null before sign-off.</param>
/// <param name="LedgerHeadHash">The SHA-256 of the ledger's last entry, lowercase hex.</param>
public sealed record ResultSheetData(
    EditionInfo Edition,
    Occupation Occupation,
    MarkingScheme Scheme,
    Leaderboard Leaderboard,
    ImmutableArray<ResultContestant> Contestants,
    ImmutableArray<Judge> Panel,
    string? SignedOffBy,
    DateTimeOffset? SignedOffAt,
    string LedgerHeadHash,
    long Version,
    RoundPhase Phase)
{
    /// <summary>Flagged criteria the chief judge confirmed, with the reasons: shown resolved, not open.</summary>
    public ImmutableArray<ConfirmedCriterion> Confirmed { get; init; } = [];

    /// <summary>The chief judge's reason for confirming this criterion's flag, or null when it was not confirmed.</summary>
    public string? ConfirmedReason(string contestantId, string criterionId) =>
        (Confirmed.IsDefault ? null : Confirmed.FirstOrDefault(c => c.ContestantId == contestantId && c.CriterionId == criterionId))?.Reason;

    /// <summary>A moment as printed: in the edition's time zone, with its offset (e.g. +08:00 in Beijing).</summary>
    public string Timestamp(DateTimeOffset? at) => ResultsExport.Timestamp(at, Edition.TimeZoneOrDefault);

    /// <summary>Provisional until sign-off, signed off until the round is final, then official (DESIGN.md §2, §3).</summary>
    public ResultStatus Status => Phase switch
    {
        >= RoundPhase.Final => ResultStatus.Official,
        >= RoundPhase.SignedOff => ResultStatus.SignedOff,
        _ => ResultStatus.Provisional,
    };

    public ResultContestant? Contestant(string contestantId) =>
        Contestants.IsDefault ? null : Contestants.FirstOrDefault(c => c.Id == contestantId);

    /// <summary>The marking judges (not the chief) in panel order, then anyone else who left a mark, so every mark has a column.</summary>
    public IReadOnlyList<string> MarkingJudgeIds
    {
        get
        {
            var ids = (Panel.IsDefault ? [] : Panel).Where(j => j.Role == JudgeRole.Judge).Select(j => j.Id).ToList();
            var others = (Contestants.IsDefault ? [] : Contestants)
                .SelectMany(c => c.Scoresheet is { Marks.IsDefault: false } sheet ? sheet.Marks : [])
                .Select(m => m.JudgeId)
                .Where(id => !ids.Contains(id))
                .Distinct()
                .Order(StringComparer.Ordinal);
            return [.. ids, .. others];
        }
    }

    public string JudgeName(string judgeId) =>
        (Panel.IsDefault ? null : Panel.FirstOrDefault(j => j.Id == judgeId))?.Name ?? judgeId;

    /// <summary>The chief judge who signed off, by name when <see cref="SignedOffBy"/> is a panel judge's id.</summary>
    public string? SignedOffByName => SignedOffBy is null ? null : JudgeName(SignedOffBy);

    /// <summary>The standings in rank order, then any contestant the leaderboard does not list yet.</summary>
    public IReadOnlyList<(Standing? Standing, ResultContestant? Contestant)> Lines
    {
        get
        {
            var standings = Leaderboard.Standings.IsDefault ? [] : Leaderboard.Standings;
            var lines = standings.Select(s => ((Standing?)s, Contestant(s.ContestantId))).ToList();
            var unlisted = (Contestants.IsDefault ? [] : Contestants).Where(c => !standings.Any(s => s.ContestantId == c.Id));
            lines.AddRange(unlisted.Select(c => ((Standing?)null, (ResultContestant?)c)));
            return lines;
        }
    }
}
