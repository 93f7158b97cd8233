namespace Craftsman.Contracts.Marking;

[GenerateSerializer, Alias("craftsman.CriterionFlag")]
public enum CriterionFlag
{
    None = 0,

    /// <summary>Judgement marks spread (max − min) wider than the criterion's tolerance.</summary>
    SpreadExceedsTolerance = 1,

    /// <summary>The confirming judge entered another value than the entering judge.</summary>
    MeasurementDisagreement = 2,
}
