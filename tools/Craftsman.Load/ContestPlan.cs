namespace Craftsman.Load;

// What the product run works with, read from the gateway during preparation.

/// <summary>The occupations under load and the judges signed in to mark them.</summary>
public sealed record ContestPlan(IReadOnlyList<OccupationPlan> Occupations, IReadOnlyList<JudgeSeat> Judges);

/// <summary>An occupation's contestants and the judgement criteria a judge may mark.</summary>
public sealed record OccupationPlan(string Code, IReadOnlyList<string> ContestantIds, IReadOnlyList<JudgementCriterion> Criteria);

/// <summary>A criterion marked on a scale: any multiple of Step from 0 to Max is a valid mark.</summary>
public sealed record JudgementCriterion(string Id, decimal Max, decimal Step)
{
    public decimal RandomValue()
    {
        if (Step <= 0)
            return Max;
        var steps = (int)Math.Min(decimal.Floor(Max / Step), 1_000_000);
        return Step * Random.Shared.Next(0, steps + 1);
    }
}

/// <summary>A judge signed in for the run, with the bearer token the judging hub wants.</summary>
public sealed record JudgeSeat(string JudgeId, OccupationPlan Occupation, string Token);
