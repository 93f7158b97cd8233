using System.Globalization;
using Craftsman.Failover.Marking;
using Craftsman.Failover.Viewing;

namespace Craftsman.Failover.Drills;

/// <summary>
/// (b) kill -9 one gateway while viewers follow occupations on it and marks keep flowing. Each
/// viewer on it reconnects to the other gateway and follows again (a snapshot); at the end each
/// shows the server's final version, no connection delivered versions backwards, and the versions
/// missed while away were covered by the reconnect snapshot. Judges on it move to the other gateway.
/// </summary>
public sealed class GatewayKillDrill(DrillContext context)
{
    public const string Name = "(b) kill -9 gateway";

    public async Task RunAsync(Report report, CancellationToken cancel)
    {
        var o = context.Options;
        var victim = o.VictimGateway;
        var drill = $"{Name} ({victim})";
        var victimIndex = o.Env.GatewayIndex(victim);
        if (victimIndex < 0 || !context.Control.CanKill(victim))
            throw new InvalidOperationException($"{victim} is not a running process of this cluster's env file; cannot kill it.");
        var otherIndex = (victimIndex + 1) % context.Api.Gateways.Count;

        var (plans, seats) = await context.SetUpAsync(drill, cancel);
        await using var viewers = new ViewerCrowd(context.Api);
        // Two thirds on the gateway that dies, a third on the other as the control group.
        await viewers.StartAsync(o.Viewers, [.. plans.Select(p => p.Code)], i => i % 3 < 2 ? victimIndex : otherIndex, cancel);
        var onVictim = viewers.Viewers.Where(v => v.FirstGateway == victimIndex).ToList();
        Log.Info($"{drill}: {viewers.Viewers.Count} viewers following ({onVictim.Count} on {victim})");
        await using var crew = new JudgeCrew(context.Api, seats, o, "b");
        crew.Start(cancel);

        var killed = false;
        try
        {
            await Task.Delay(o.Warmup, cancel);
            killed = await RunFaultAsync(report, drill, victim, victimIndex, plans, seats, viewers, onVictim, crew, cancel);
        }
        finally
        {
            await viewers.DisposeAsync();
            await crew.DisposeAsync();
            if (killed || !context.Control.CanKill(victim))
                await context.RespawnAsync(report, drill, victim);
        }
    }

    private async Task<bool> RunFaultAsync(Report report, string drill, string victim, int victimIndex, IReadOnlyList<Setup.OccupationPlan> plans,
        IReadOnlyList<Setup.JudgeSeat> seats, ViewerCrowd viewers, List<Viewer> onVictim, JudgeCrew crew, CancellationToken cancel)
    {
        var o = context.Options;
        var killedAt = RunClock.Now;
        var wallClock = DateTime.UtcNow;
        var pid = await context.Control.KillAsync(victim);
        Log.Info($"{drill}: killed {victim} (PID {pid}) with SIGKILL");
        await Task.Delay(o.After, cancel);
        await crew.StopAsync();

        var (final, waited) = await viewers.ConvergeAsync(TimeSpan.FromSeconds(30), cancel);
        var audit = await new MarkAudit(context.Api, context.Organiser).AuditAsync(crew.Book.All, cancel);
        Log.Info($"{drill}: viewers converged in {Report.Seconds(waited)}; marks {audit.Acknowledged} acknowledged, {audit.Found} found");

        report.Add(drill, "fault", $"SIGKILL {victim} (PID {pid}) at {wallClock:HH:mm:ss.fff}Z, {Report.Seconds(o.Warmup)} into marking; marking went on {Report.Seconds(o.After)}");
        var all = viewers.Viewers;
        report.Add(drill, "viewers", $"{all.Count} on {plans.Count} occupations: {onVictim.Count} on {victim}, {all.Count - onVictim.Count} on the other gateway");
        var reconnected = onVictim.Count(v => v.Reconnects.Count > 0 && v.Reconnects[^1].FollowedAt is not null);
        report.Add(drill, $"viewers of {victim} reconnected to the other gateway", $"{reconnected} of {onVictim.Count}",
            reconnected == onVictim.Count ? Verdict.Pass : Verdict.Fail);
        var others = all.Where(v => v.FirstGateway != victimIndex && v.Reconnects.Count > 0).ToList();
        if (others.Count > 0)
            report.Add(drill, "viewers of the other gateway that lost their connection", others.Count.ToString(CultureInfo.InvariantCulture), Verdict.Fail);

        var fromKill = onVictim.SelectMany(v => v.Reconnects).Where(r => r.FollowedAt is not null).Select(r => r.FollowedAt!.Value - killedAt).Order().ToList();
        var fromClose = onVictim.SelectMany(v => v.Reconnects).Where(r => r.FollowedAt is not null).Select(r => r.FollowedAt!.Value - r.ClosedAt).Order().ToList();
        var closeLag = onVictim.SelectMany(v => v.Reconnects).Select(r => r.ClosedAt - killedAt).Order().ToList();
        report.Add(drill, "reconnect time, kill → snapshot from the other gateway", Percentiles(fromKill));
        report.Add(drill, "  of which: kill → connection closed seen", Percentiles(closeLag));
        report.Add(drill, "  of which: closed → followed again", Percentiles(fromClose));
        report.Add(drill, "reconnect attempts", $"{onVictim.SelectMany(v => v.Reconnects).Sum(r => r.Attempts)} for {onVictim.SelectMany(v => v.Reconnects).Count()} reconnects");

        var onFinal = all.Count(v => v.Shown == final[v.Occupation]);
        report.Add(drill, "viewers showing the server's final version", $"{onFinal} of {all.Count} (final versions {string.Join(", ", final.Select(f => $"{f.Key} v{f.Value}"))}; waited {Report.Seconds(waited)})",
            onFinal == all.Count ? Verdict.Pass : Verdict.Fail);
        foreach (var v in all.Where(v => v.Shown != final[v.Occupation]).Take(10))
            report.Detail(drill, $"viewer {v.Id} on {v.Occupation} via {v.Gateway.Authority} shows v{v.Shown}, server final v{final[v.Occupation]} (connected: {v.Connected}; {v.Failure})");
        report.Add(drill, "versions checked (pushes and snapshots)", all.Sum(v => v.VersionsChecked).ToString(CultureInfo.InvariantCulture));
        var violations = all.SelectMany(v => v.OrderViolations.Select(x => $"viewer {v.Id}: {x}")).ToList();
        report.Add(drill, "versions going backwards on a connection", violations.Count.ToString(CultureInfo.InvariantCulture), violations.Count == 0 ? Verdict.Pass : Verdict.Fail);
        foreach (var line in violations.Take(10))
            report.Detail(drill, $"BACKWARDS {line}");
        var uncovered = all.SelectMany(v => v.UncoveredGaps.Select(x => $"viewer {v.Id}: {x}")).ToList();
        report.Add(drill, "reconnect gaps not covered by the snapshot", uncovered.Count.ToString(CultureInfo.InvariantCulture), uncovered.Count == 0 ? Verdict.Pass : Verdict.Fail);
        foreach (var line in uncovered.Take(10))
            report.Detail(drill, $"UNCOVERED {line}");
        report.Add(drill, "pushes that skipped versions (resynced by snapshot)", all.Sum(v => v.GapsResynced).ToString(CultureInfo.InvariantCulture));
        report.Add(drill, "stale pushes/snapshots ignored (older than shown)", all.Sum(v => v.StaleIgnored).ToString(CultureInfo.InvariantCulture));

        MarkRows.Add(report, drill, plans, crew, audit);
        MarkRows.AddErrors(report, drill, "judges' errors seen (after the kill)", crew.Timeline.Errors.Where(e => e.At >= killedAt), killedAt);
        var judgesOnVictim = seats.Where(s => s.HomeGateway == victimIndex).Select(s => s.JudgeId).ToList();
        var everyJudge = crew.Timeline.EveryJudgeAcknowledgedAfter(killedAt, judgesOnVictim);
        report.Add(drill, $"judges of {victim}: every one acknowledged via the other gateway after",
            everyJudge is { } at ? Report.Seconds(at - killedAt) : "not all", everyJudge is null ? Verdict.Fail : Verdict.Info);

        return true;
    }

    private static string Percentiles(List<TimeSpan> sorted) =>
        sorted.Count == 0
            ? "none"
            : $"p50 {Report.Seconds(sorted[(sorted.Count - 1) / 2])}, max {Report.Seconds(sorted[^1])} (n={sorted.Count})";
}
