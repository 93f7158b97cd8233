using Craftsman.Failover.Api;
using Craftsman.Failover.Faults;
using Craftsman.Failover.Setup;

namespace Craftsman.Failover.Drills;

/// <summary>What every drill shares: options, the API, the organiser, the fault switches and the occupations still unmarked.</summary>
public sealed class DrillContext(FailoverOptions options, GatewayApi api, Preparation preparation, ProcessControl control, string organiser, IReadOnlyList<OccupationPlan> usable)
{
    private int _nextOccupation;

    public FailoverOptions Options => options;
    public GatewayApi Api => api;
    public Preparation Preparation => preparation;
    public ProcessControl Control => control;
    public string Organiser => organiser;

    /// <summary>Fresh occupations for one drill, so each drill's marks and versions are its own; their rounds opened and judges seated.</summary>
    public async Task<(IReadOnlyList<OccupationPlan> Plans, IReadOnlyList<JudgeSeat> Seats)> SetUpAsync(string drill, CancellationToken cancel)
    {
        var left = usable.Count - _nextOccupation;
        if (left <= 0)
            throw new InvalidOperationException($"No unmarked occupation is left for {drill}; the edition has {usable.Count} usable ones.");
        var take = Math.Min(options.Occupations, left);
        var plans = usable.Skip(_nextOccupation).Take(take).ToList();
        _nextOccupation += take;
        await preparation.WaitForClusterAsync(cancel);
        foreach (var plan in plans)
            await preparation.OpenRoundAsync(plan, organiser, cancel);
        var seats = await preparation.SeatJudgesAsync(plans, organiser, cancel);
        Log.Info($"{drill}: occupations {string.Join(", ", plans.Select(p => p.Code))} are Live; {seats.Count} judges signed in");
        return (plans, seats);
    }

    /// <summary>Restarts a process a drill killed (unless --no-respawn), so the next drill starts from a whole cluster.</summary>
    public async Task RespawnAsync(Report report, string drill, string name)
    {
        if (!options.Respawn || !control.CanRespawn)
        {
            report.Add(drill, $"{name} restarted afterwards", "no (--no-respawn or no env file)");
            return;
        }
        Log.Info($"{drill}: restarting {name} (start.sh --respawn)");
        var result = await control.RespawnAsync(name);
        if (result.Succeeded)
            report.Add(drill, $"{name} restarted afterwards", $"ready in {Report.Seconds(result.Took)}");
        else
        {
            report.Add(drill, $"{name} restarted afterwards", $"failed (exit {result.ExitCode})", Verdict.Fail);
            report.Detail(drill, $"start.sh --respawn {name}: {result.Tail()}");
        }
    }
}
