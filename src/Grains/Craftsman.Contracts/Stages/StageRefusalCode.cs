namespace Craftsman.Contracts.Stages;

[GenerateSerializer, Alias("craftsman.StageRefusalCode")]
public enum StageRefusalCode
{
    /// <summary>The occupation has no such stage (or no stages at all).</summary>
    StageNotFound = 0,

    /// <summary>Only a stage that sends contestants on (it has a next stage) can advance.</summary>
    StageDoesNotAdvance = 1,

    /// <summary>A stage advances only once signed off (or published, or final).</summary>
    StageNotSignedOff = 2,

    /// <summary>At least one contestant must advance.</summary>
    AdvanceCountInvalid = 3,

    /// <summary>The next stage's round has left Draft: its contestants are fixed.</summary>
    NextStageStarted = 4,

    /// <summary>A stage after a qualifying stage starts only once that stage has advanced its top N.</summary>
    PreviousStageNotAdvanced = 5,

    /// <summary>The stage has nobody to compete.</summary>
    NoContestants = 6,
}
