using Craftsman.Failover.Marking;
using Craftsman.Failover.Setup;

namespace Craftsman.Failover.Drills;

/// <summary>The rows every drill reports about its judges' marks.</summary>
public static class MarkRows
{
    public static void Add(Report report, string drill, IReadOnlyList<OccupationPlan> plans, JudgeCrew crew, AuditResult audit)
    {
        var seats = crew.Seats;
        report.Add(drill, "judges / occupations",
            $"{seats.Count} judges ({seats.Count(s => s.Transport == Transport.Rest)} REST, {seats.Count(s => s.Transport == Transport.Hub)} hub) on {plans.Count} occupations, both gateways");
        report.Add(drill, "marks acknowledged / found in scoresheets",
            $"{audit.Acknowledged} / {audit.Found} (of {audit.Entered} entered)",
            audit.Missing.Count == 0 && audit.Found == audit.Acknowledged ? Verdict.Pass : Verdict.MarksMissing);
        if (audit.Missing.Count > 0)
        {
            report.Add(drill, "acknowledged marks missing", audit.Missing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Verdict.MarksMissing);
            foreach (var (mark, problem) in audit.Missing.Take(30))
                report.Detail(drill, $"MISSING {mark.Key} {mark.JudgeId} {mark.ContestantId}/{mark.CriterionId}={mark.Value} acknowledged at {Report.Seconds(mark.AcknowledgedAt!.Value)} (version {mark.Version}, via {mark.AcknowledgedBy}, attempt {mark.Attempts}): {problem}");
        }
        report.Add(drill, "marks counted twice (a key in two corrections)", audit.Duplicates.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            audit.Duplicates.Count == 0 ? Verdict.Pass : Verdict.Fail);
        foreach (var duplicate in audit.Duplicates.Take(10))
            report.Detail(drill, $"DUPLICATE {duplicate}");
        report.Add(drill, "marks never acknowledged (resent until the settle limit)", audit.Unresolved.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            audit.Unresolved.Count == 0 ? Verdict.Pass : Verdict.Fail);
        foreach (var mark in audit.Unresolved.Take(10))
            report.Detail(drill, $"UNRESOLVED {mark.Key} after {mark.Attempts} attempts; last: {mark.LastError}");
        report.Add(drill, "marks refused (4xx / rejected)", audit.Rejected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            audit.Rejected.Count == 0 ? Verdict.Pass : Verdict.Fail);
        foreach (var mark in audit.Rejected.Take(10))
            report.Detail(drill, $"REFUSED {mark.Key}: {mark.Rejection}");
        var resent = crew.Book.All.Where(m => m.Attempts > 1).ToList();
        report.Add(drill, "marks resent (same key) before their acknowledgement",
            $"{resent.Count} marks, {resent.Sum(m => m.Attempts - 1)} resends, at most {resent.Select(m => m.Attempts).DefaultIfEmpty(1).Max()} attempts for one");
    }

    /// <summary>Errors of a time window, one row per kind, most frequent first.</summary>
    public static void AddErrors(Report report, string drill, string label, IEnumerable<TimelineEvent> errors, TimeSpan origin)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            report.Add(drill, label, "none");
            return;
        }
        report.Add(drill, label, $"{list.Count} in {Report.Seconds(list[^1].At - list[0].At)} (first at {Report.Seconds(list[0].At - origin)}, last at {Report.Seconds(list[^1].At - origin)})");
        foreach (var (detail, failure, count) in Timeline.Group(list).Take(8))
            report.Add(drill, $"  {count} × {failure}", detail);
        var rest = Timeline.Group(list).Skip(8).Sum(g => g.Count);
        if (rest > 0)
            report.Add(drill, $"  {rest} × other", "(kinds beyond the first eight)");
    }
}
