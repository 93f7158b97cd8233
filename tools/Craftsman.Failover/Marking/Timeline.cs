using System.Collections.Concurrent;

namespace Craftsman.Failover.Marking;

/// <summary>One send's outcome, stamped on the run clock.</summary>
public sealed record TimelineEvent(TimeSpan At, string JudgeId, AttemptKind Kind, string Detail, FailureClass? Failure, string Gateway);

/// <summary>Every acknowledgement, refusal and error of a drill, for the recovery figures.</summary>
public sealed class Timeline
{
    private readonly ConcurrentQueue<TimelineEvent> _events = new();

    public void Record(TimelineEvent e) => _events.Enqueue(e);

    public IReadOnlyList<TimelineEvent> Events => [.. _events.OrderBy(e => e.At)];

    public IEnumerable<TimelineEvent> Errors => Events.Where(e => e.Kind == AttemptKind.Failed);

    public TimeSpan? FirstAcknowledgementAfter(TimeSpan at) =>
        Events.FirstOrDefault(e => e.Kind == AttemptKind.Acknowledged && e.At >= at)?.At;

    public TimeSpan? LastErrorAfter(TimeSpan at) =>
        Events.LastOrDefault(e => e.Kind == AttemptKind.Failed && e.At >= at)?.At;

    /// <summary>When every judge named had been acknowledged at least once after <paramref name="at"/>; null if one never was.</summary>
    public TimeSpan? EveryJudgeAcknowledgedAfter(TimeSpan at, IEnumerable<string> judgeIds)
    {
        var firsts = Events.Where(e => e.Kind == AttemptKind.Acknowledged && e.At >= at)
            .GroupBy(e => e.JudgeId).ToDictionary(g => g.Key, g => g.Min(e => e.At));
        TimeSpan? latest = at;
        foreach (var judge in judgeIds)
        {
            if (!firsts.TryGetValue(judge, out var first))
                return null;
            if (first > latest)
                latest = first;
        }
        return latest;
    }

    /// <summary>Errors grouped by what they said, most frequent first.</summary>
    public static IReadOnlyList<(string Detail, FailureClass Failure, int Count)> Group(IEnumerable<TimelineEvent> errors) =>
        [.. errors.GroupBy(e => (e.Detail, e.Failure!.Value)).Select(g => (g.Key.Detail, g.Key.Value, g.Count())).OrderByDescending(g => g.Item3)];
}
