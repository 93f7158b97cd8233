namespace Craftsman.Failover.Marking;

/// <summary>
/// One mark a judge entered, and what became of it. A judge sends one mark at a time and resends
/// it, with the same idempotency key, until the gateway acknowledges or refuses it, as a tablet does.
/// </summary>
public sealed class MarkRecord(string key, string judgeId, string occupation, string contestantId, string criterionId, decimal value, int slotOrder)
{
    public string Key { get; } = key;
    public string JudgeId { get; } = judgeId;
    public string Occupation { get; } = occupation;
    public string ContestantId { get; } = contestantId;
    public string CriterionId { get; } = criterionId;
    public decimal Value { get; } = value;

    /// <summary>0 for the judge's first mark of this contestant and criterion in this run, 1 for the next (a correction), …</summary>
    public int SlotOrder { get; } = slotOrder;

    public TimeSpan? FirstSentAt { get; set; }
    public int Attempts { get; set; }
    public TimeSpan? AcknowledgedAt { get; set; }
    public long Version { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? Rejection { get; set; }
    public string? LastError { get; set; }

    /// <summary>Still not acknowledged when the drill stopped resending.</summary>
    public bool Unresolved { get; set; }

    public bool Acknowledged => AcknowledgedAt is not null;

    public (string Judge, string Contestant, string Criterion) Slot => (JudgeId, ContestantId, CriterionId);
}
