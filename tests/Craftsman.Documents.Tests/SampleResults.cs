using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Documents.Results;

namespace Craftsman.Documents.Tests;

/// <summary>
/// Deterministic result sheets built from the sample edition: every panel judge marks every
/// judgement criterion, two judges enter and confirm each measurement, and the aggregates follow
/// DESIGN.md §2 (drop one highest and one lowest of five, flag a spread above the tolerance).
/// </summary>
internal static class SampleResults
{
    public static readonly DateTimeOffset At = new(2020, 11, 3, 16, 20, 0, TimeSpan.FromHours(8));

    public static readonly string LedgerHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("craftsman-ledger-sample")));

    public static ResultSheetData For(EditionDocument edition, string occupationCode, RoundPhase phase = RoundPhase.SignedOff)
    {
        var occupation = edition.Occupations.Single(o => o.Code == occupationCode);
        var scheme = edition.MarkingSchemes.Single(s => s.Id == occupation.Scheme);
        var panel = edition.Judges.Where(j => j.Occupation == occupationCode).ToImmutableArray();
        var markers = panel.Where(j => j.Role == JudgeRole.Judge).Select(j => j.Id).ToList();
        var chief = panel.Single(j => j.Role == JudgeRole.Chief);
        var people = edition.Contestants.Where(c => c.Occupation == occupationCode).ToList();

        var sheets = people.Select((c, i) => Scoresheet(c.Id, i, scheme, markers)).ToList();
        var ordered = people.Zip(sheets).OrderByDescending(p => p.Second.Composite).ToList();
        var status = phase >= RoundPhase.Final ? ResultStatus.Official : phase >= RoundPhase.SignedOff ? ResultStatus.SignedOff : ResultStatus.Provisional;
        var standings = ordered.Select((p, i) => new Standing(
            i + 1, p.First.Id, p.First.Name, p.First.Role, p.Second.Composite, p.Second.Modules, status,
            p.Second.Marks.Length, p.Second.HasOpenFlags)).ToImmutableArray();
        var top = standings[0];
        var outcome = occupation.Mode == ContestMode.Review ? ArenaOutcome.NotApplicable
            : top.Composite < edition.Edition.QualifyingScore ? ArenaOutcome.NotQualified
            : top.Role == ContestantRole.Seed ? ArenaOutcome.SeedHeld : ArenaOutcome.ChallengerTook;
        var candidate = outcome is ArenaOutcome.NotQualified ? null : top.ContestantId;

        var signedOff = phase >= RoundPhase.SignedOff;
        return new ResultSheetData(
            edition.Edition,
            occupation,
            scheme,
            new Leaderboard(occupationCode, 42, phase, standings, new ArenaResult(outcome, candidate), At),
            [.. people.Select((c, i) => new ResultContestant(c.Id, c.Name, c.Employer, c.Role, (i + 7).ToString("00"), sheets[i]))],
            panel,
            signedOff ? chief.Id : null,
            signedOff ? At : null,
            LedgerHash,
            42,
            phase);
    }

    private static Scoresheet Scoresheet(string contestantId, int contestantIndex, MarkingScheme scheme, List<string> judges)
    {
        var marks = new List<Mark>();
        var aggregates = new List<CriterionAggregate>();
        var criterionIndex = 0;
        foreach (var criterion in scheme.Criteria)
        {
            criterionIndex++;
            var markers = criterion.Kind == CriterionKind.Measurement ? judges.Take(2).ToList() : judges;
            var values = markers.Select((judge, k) =>
            {
                var wobble = criterion.Kind == CriterionKind.Measurement ? 0 : (contestantIndex * 7 + k * 3 + criterionIndex) % 7;
                var raw = criterion.Max * (0.55m + 0.05m * ((contestantIndex * 3 + criterionIndex) % 5) + 0.02m * wobble);
                return Math.Min(criterion.Max, Math.Round(raw / criterion.Step, MidpointRounding.AwayFromZero) * criterion.Step);
            }).ToList();
            // One disagreement between the entering and the confirming judge, for the first contestant's first measurement.
            if (criterion.Kind == CriterionKind.Measurement && contestantIndex == 0 && criterionIndex == 1)
                values[1] -= criterion.Step;
            for (var k = 0; k < markers.Count; k++)
                marks.Add(new Mark(markers[k], criterion.Id, values[k], marks.Count + 1, SampleResultsClock(marks.Count), $"{contestantId}-{criterion.Id}-{markers[k]}"));
            aggregates.Add(Aggregate(criterion, markers, values));
        }

        var modules = scheme.Modules.Select(m => new ModuleScore(
            m.Id, m.Criteria.Sum(c => aggregates.Single(a => a.CriterionId == c.Id).Value ?? 0m), m.Max)).ToImmutableArray();
        var composite = scheme.Modules.Sum(m => m.Weight * modules.Single(s => s.ModuleId == m.Id).Score / m.Max * 100m);
        return new Scoresheet(contestantId, [.. marks], [.. aggregates], modules, composite, []);
    }

    private static CriterionAggregate Aggregate(Criterion criterion, List<string> judges, List<decimal> values)
    {
        if (criterion.Kind == CriterionKind.Measurement)
        {
            var agree = values.Distinct().Count() == 1;
            return new CriterionAggregate(criterion.Id, criterion.Kind, values[0], values.Count, agree,
                agree ? CriterionFlag.None : CriterionFlag.MeasurementDisagreement, null, []);
        }
        var spread = values.Max() - values.Min();
        var flag = spread > criterion.Tolerance ? CriterionFlag.SpreadExceedsTolerance : CriterionFlag.None;
        var dropped = ImmutableArray<string>.Empty;
        var kept = values;
        if (values.Count >= 5)
        {
            var high = values.IndexOf(values.Max());
            var low = values.IndexOf(values.Min());
            if (low == high)
                low = high == 0 ? 1 : 0;
            dropped = [judges[high], judges[low]];
            kept = values.Where((_, i) => i != high && i != low).ToList();
        }
        return new CriterionAggregate(criterion.Id, criterion.Kind, kept.Average(), values.Count, flag == CriterionFlag.None, flag, spread, dropped);
    }

    private static DateTimeOffset SampleResultsClock(int n) => At.AddHours(-6).AddSeconds(n * 17);
}
