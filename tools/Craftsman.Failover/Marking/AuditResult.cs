namespace Craftsman.Failover.Marking;

/// <summary>What the scoresheets said about a drill's marks.</summary>
public sealed class AuditResult
{
    public int Entered { get; init; }
    public int Acknowledged { get; init; }
    public int Found { get; set; }
    public List<(MarkRecord Mark, string Problem)> Missing { get; } = [];
    public List<string> Duplicates { get; } = [];
    public IReadOnlyList<MarkRecord> Rejected { get; init; } = [];
    public IReadOnlyList<MarkRecord> Unresolved { get; init; } = [];
}
