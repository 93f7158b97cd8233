namespace Craftsman.Failover.Setup;

/// <summary>An occupation the drills mark: its contestants, its judgement criteria and its marking judges.</summary>
public sealed record OccupationPlan(string Code, IReadOnlyList<string> ContestantIds, IReadOnlyList<JudgementCriterion> Criteria, IReadOnlyList<string> JudgeIds);

/// <summary>A criterion any panel judge may mark: values in [0, Max] on Step.</summary>
public sealed record JudgementCriterion(string Id, decimal Max, decimal Step);
