using System.Collections.Concurrent;

namespace Craftsman.Failover.Marking;

/// <summary>Every mark of a drill, in the order judges entered them.</summary>
public sealed class MarkBook
{
    private readonly ConcurrentQueue<MarkRecord> _marks = new();

    public void Add(MarkRecord mark) => _marks.Enqueue(mark);

    public IReadOnlyList<MarkRecord> All => [.. _marks];
}
