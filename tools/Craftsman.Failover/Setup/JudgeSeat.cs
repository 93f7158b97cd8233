namespace Craftsman.Failover.Setup;

/// <summary>How a judge's tablet talks to the gateway.</summary>
public enum Transport
{
    Rest,
    Hub,
}

/// <summary>A signed-in judge: who, for which occupation, through which gateway first and how.</summary>
public sealed record JudgeSeat(string JudgeId, OccupationPlan Occupation, string Token, int HomeGateway, Transport Transport);
