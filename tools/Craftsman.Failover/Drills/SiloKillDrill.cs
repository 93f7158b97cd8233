using System.Globalization;
using Craftsman.Failover.Faults;
using Craftsman.Failover.Marking;
using Craftsman.Failover.Viewing;

namespace Craftsman.Failover.Drills;

/// <summary>
/// (a) kill -9 one silo while judges mark at a steady rate through both gateways. Every
/// acknowledged mark must be in the scoresheets once the grains have moved to the other silo;
/// failed sends are resent with the same key until acknowledged.
/// </summary>
public sealed class SiloKillDrill(DrillContext context)
{
    public const string Name = "(a) kill -9 silo";

    public async Task RunAsync(Report report, CancellationToken cancel)
    {
        var o = context.Options;
        var victim = o.VictimSilo;
        var drill = $"{Name} ({victim})";
        if (!context.Control.CanKill(victim))
            throw new InvalidOperationException($"{victim} is not a running process of this cluster's env file; cannot kill it.");

        var (plans, seats) = await context.SetUpAsync(drill, cancel);
        await using var health = new HealthWatch(context.Api);
        health.Start();
        await using var viewers = new ViewerCrowd(context.Api);
        if (o.SiloViewers > 0)
            await viewers.StartAsync(o.SiloViewers, [.. plans.Select(p => p.Code)], i => i % context.Api.Gateways.Count, cancel);
        await using var crew = new JudgeCrew(context.Api, seats, o, "a");
        crew.Start(cancel);

        var killed = false;
        try
        {
            await Task.Delay(o.Warmup, cancel);
            killed = await RunFaultAsync(report, drill, victim, plans, seats, health, viewers, crew, cancel);
        }
        finally
        {
            await viewers.DisposeAsync();
            await crew.DisposeAsync();
            if (killed || !context.Control.CanKill(victim))
                await context.RespawnAsync(report, drill, victim);
        }
    }

    private async Task<bool> RunFaultAsync(Report report, string drill, string victim, IReadOnlyList<Setup.OccupationPlan> plans, IReadOnlyList<Setup.JudgeSeat> seats,
        HealthWatch health, ViewerCrowd viewers, JudgeCrew crew, CancellationToken cancel)
    {
        var o = context.Options;
        var siloPort = context.Options.Env[$"CRAFTSMAN_{victim.ToUpperInvariant()}_SILO_PORT"];
        var killedAt = RunClock.Now;
        var wallClock = DateTime.UtcNow;
        var pid = await context.Control.KillAsync(victim);
        var before = crew.Book.All.Count(m => m.AcknowledgedAt < killedAt);
        Log.Info($"{drill}: killed {victim} (PID {pid}) with SIGKILL after {before} acknowledged marks");

        var declaredDead = WatchMembershipAsync(siloPort, killedAt, o.After, cancel);
        await Task.Delay(o.After, cancel);
        await crew.StopAsync();
        var deadAt = await declaredDead;

        var audit = await new MarkAudit(context.Api, context.Organiser).AuditAsync(crew.Book.All, cancel);
        Log.Info($"{drill}: {audit.Acknowledged} acknowledged, {audit.Found} found, {audit.Missing.Count} missing");
        var timeline = crew.Timeline;
        var judges = seats.Select(s => s.JudgeId).ToList();

        report.Add(drill, "fault", $"SIGKILL {victim} (PID {pid}) at {wallClock:HH:mm:ss.fff}Z, {Report.Seconds(o.Warmup)} into marking; marking went on {Report.Seconds(o.After)}");
        MarkRows.Add(report, drill, plans, crew, audit);
        report.Add(drill, "acknowledged before / after the kill", $"{before} / {audit.Acknowledged - before}");
        MarkRows.AddErrors(report, drill, "errors seen (after the kill)", timeline.Errors.Where(e => e.At >= killedAt), killedAt);
        var errorsBefore = timeline.Errors.Count(e => e.At < killedAt);
        if (errorsBefore > 0)
            report.Add(drill, "errors before the kill", errorsBefore.ToString(CultureInfo.InvariantCulture), Verdict.Fail);
        report.Add(drill, "judges who saw an error", $"{timeline.Errors.Where(e => e.At >= killedAt).Select(e => e.JudgeId).Distinct().Count()} of {judges.Count}");
        report.Add(drill, "recovery: first acknowledgement after the kill", Since(timeline.FirstAcknowledgementAfter(killedAt), killedAt, "none"));
        var everyJudge = timeline.EveryJudgeAcknowledgedAfter(killedAt, judges);
        report.Add(drill, "recovery: every judge acknowledged again", Since(everyJudge, killedAt, "not all judges"), everyJudge is null ? Verdict.Fail : Verdict.Info);
        report.Add(drill, "recovery: error-free after", Since(timeline.LastErrorAfter(killedAt), killedAt, "no error at all"));
        var firsts = FirstAcknowledgements(timeline, judges, killedAt);
        report.Add(drill, "recovery: each judge's first acknowledgement after the kill",
            firsts.Count == 0 ? "none" : $"p50 {Report.Seconds(firsts[(firsts.Count - 1) / 2])}, max {Report.Seconds(firsts[^1])} (n={firsts.Count} judges)");
        report.Add(drill, "membership: silo declared Dead after", deadAt is { } dead ? Report.Seconds(dead - killedAt) : "not within the drill (or psql unavailable)");
        if (deadAt is { } declared)
            MarkRows.AddErrors(report, drill, "errors after the silo was declared Dead", timeline.Errors.Where(e => e.At >= declared), killedAt);
        foreach (var line in health.Describe(killedAt))
            report.Add(drill, "gateway /health (times from the kill)", line);

        if (viewers.Viewers.Count > 0)
        {
            var (final, waited) = await viewers.ConvergeAsync(TimeSpan.FromSeconds(30), cancel);
            var onFinal = viewers.Viewers.Count(v => v.Shown == final[v.Occupation]);
            report.Add(drill, "viewers (information): showing the final version", $"{onFinal} of {viewers.Viewers.Count} after waiting {Report.Seconds(waited)}",
                onFinal == viewers.Viewers.Count ? Verdict.Info : Verdict.Fail);
            foreach (var v in viewers.Viewers.Where(v => v.Shown != final[v.Occupation]).Take(10))
                report.Detail(drill, $"viewer {v.Id} on {v.Occupation} via {v.Gateway.Authority} shows {v.Shown}, server final {final[v.Occupation]} (connected: {v.Connected})");
        }

        return true;
    }

    /// <summary>Polls the membership table until the killed silo's row says Dead (6); bounded by the drill.</summary>
    private async Task<TimeSpan?> WatchMembershipAsync(string? siloPort, TimeSpan killedAt, TimeSpan budget, CancellationToken cancel)
    {
        if (siloPort is null)
            return null;
        var clusterId = context.Options.Env["CRAFTSMAN_CLUSTER_ID"] ?? "craftsman";
        while (RunClock.Now - killedAt < budget && !cancel.IsCancellationRequested)
        {
            var status = await context.Control.PsqlAsync(
                $"SELECT status FROM orleans_membership WHERE deployment_id = '{clusterId.Replace("'", "''", StringComparison.Ordinal)}' AND port = {int.Parse(siloPort, CultureInfo.InvariantCulture)} ORDER BY generation DESC LIMIT 1");
            if (status is null)
                return null;
            if (status == "6")
                return RunClock.Now;
            await Task.Delay(500, cancel);
        }
        return null;
    }

    /// <summary>Per judge, the time from the kill to their first acknowledgement after it, sorted.</summary>
    private static List<TimeSpan> FirstAcknowledgements(Timeline timeline, IReadOnlyList<string> judges, TimeSpan killedAt) =>
        [.. timeline.Events.Where(e => e.Kind == AttemptKind.Acknowledged && e.At >= killedAt)
            .GroupBy(e => e.JudgeId).Where(g => judges.Contains(g.Key)).Select(g => g.Min(e => e.At) - killedAt).Order()];

    private static string Since(TimeSpan? at, TimeSpan origin, string none) => at is { } value ? Report.Seconds(value - origin) : none;
}
