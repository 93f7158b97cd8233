namespace Craftsman.Contracts.Marking;

[GenerateSerializer, Alias("craftsman.CriterionKind")]
public enum CriterionKind
{
    /// <summary>An objective value entered by one judge and confirmed by a different one.</summary>
    Measurement = 0,

    /// <summary>Marked independently by every panel judge and aggregated.</summary>
    Judgement = 1,
}
