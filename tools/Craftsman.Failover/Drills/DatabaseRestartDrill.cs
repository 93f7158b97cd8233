using System.Globalization;
using Craftsman.Failover.Faults;
using Craftsman.Failover.Marking;

namespace Craftsman.Failover.Drills;

/// <summary>
/// (c) restart PostgreSQL mid-round: pg_ctl stop -m fast, a pause, pg_ctl start on the same data
/// directory and port, while judges keep marking. While it is down every send must get a clear,
/// retryable refusal (never an acknowledgement that is later missing, never a hang); afterwards
/// the cluster recovers on its own, with no silo or gateway restarted.
/// </summary>
public sealed class DatabaseRestartDrill(DrillContext context)
{
    public const string Name = "(c) restart PostgreSQL";

    public async Task RunAsync(Report report, CancellationToken cancel)
    {
        var o = context.Options;
        const string drill = Name;
        if (!context.Control.CanRestartDatabase)
            throw new InvalidOperationException("The env file names no PostgreSQL data directory, port and bin dir; cannot restart the database.");
        string[] processes = ["silo1", "silo2", "gateway1", "gateway2"];
        var pidsBefore = processes.ToDictionary(p => p, p => o.Env.Pid(p));

        var (plans, seats) = await context.SetUpAsync(drill, cancel);
        await using var health = new HealthWatch(context.Api);
        health.Start();
        await using var crew = new JudgeCrew(context.Api, seats, o, "c");
        crew.Start(cancel);
        await Task.Delay(o.Warmup, cancel);

        var stoppingAt = RunClock.Now;
        var wallClock = DateTime.UtcNow;
        var stop = await context.Control.StopDatabaseAsync();
        var downAt = RunClock.Now;
        if (!stop.Succeeded)
            throw new InvalidOperationException($"pg_ctl stop failed (exit {stop.ExitCode}): {stop.Tail()}");
        Log.Info($"{drill}: PostgreSQL stopped (pg_ctl stop -m fast took {Report.Seconds(stop.Took)}); down for {Report.Seconds(o.Outage)}");
        CommandResult start;
        try
        {
            await Task.Delay(o.Outage, cancel);
        }
        finally
        {
            // Whatever happened meanwhile, the database comes back.
            start = await context.Control.StartDatabaseAsync();
        }
        var upAt = RunClock.Now;
        var startingAt = upAt - start.Took;
        if (!start.Succeeded)
            throw new InvalidOperationException($"pg_ctl start failed (exit {start.ExitCode}): {start.Tail()}; the cluster is left without its database");
        Log.Info($"{drill}: PostgreSQL is back (pg_ctl start took {Report.Seconds(start.Took)}); marking goes on {Report.Seconds(o.After)}");
        await Task.Delay(o.After, cancel);
        await crew.StopAsync();

        var audit = await new MarkAudit(context.Api, context.Organiser).AuditAsync(crew.Book.All, cancel);
        Log.Info($"{drill}: {audit.Acknowledged} acknowledged, {audit.Found} found, {audit.Missing.Count} missing");
        var timeline = crew.Timeline;
        var judges = seats.Select(s => s.JudgeId).ToList();

        report.Add(drill, "fault", $"pg_ctl stop -m fast at {wallClock:HH:mm:ss.fff}Z, {Report.Seconds(o.Warmup)} into marking (took {Report.Seconds(stop.Took)}), down {Report.Seconds(startingAt - downAt)}, pg_ctl start (took {Report.Seconds(start.Took)}), same port; marking went on {Report.Seconds(o.After)}");
        MarkRows.Add(report, drill, plans, crew, audit);

        var outage = timeline.Events.Where(e => e.At >= stoppingAt && e.At < upAt).ToList();
        var outageErrors = outage.Where(e => e.Kind == AttemptKind.Failed).ToList();
        var outageAcks = crew.Book.All.Where(m => m.AcknowledgedAt is { } at && at >= downAt && at < startingAt).ToList();
        MarkRows.AddErrors(report, drill, "errors while the database was down", outageErrors, stoppingAt);
        var unclear = outageErrors.Where(e => e.Failure != FailureClass.Retryable).ToList();
        report.Add(drill, "while down: every refusal a clear retryable error", unclear.Count == 0
                ? $"yes ({outageErrors.Count} refusals, all 503 ClusterUnavailable / hub ClusterUnavailable (retryable))"
                : $"no: {unclear.Count} of {outageErrors.Count} were not ({string.Join("; ", Timeline.Group(unclear).Take(3).Select(g => $"{g.Count} × {g.Detail}"))})",
            unclear.Count == 0 && outageErrors.Count > 0 ? Verdict.Pass : Verdict.Fail);
        var missingKeys = audit.Missing.Select(m => m.Mark.Key).ToHashSet();
        report.Add(drill, "while down: acknowledgements (each must be found)",
            $"{outageAcks.Count} ({outageAcks.Count(m => !missingKeys.Contains(m.Key))} found)",
            outageAcks.All(m => !missingKeys.Contains(m.Key)) ? Verdict.Pass : Verdict.MarksMissing);
        foreach (var m in outageAcks.Take(10))
            report.Detail(drill, $"acknowledged while the database was down: {m.Key} at {Report.Seconds(m.AcknowledgedAt!.Value - stoppingAt)} after the stop, attempt {m.Attempts}, version {m.Version}");

        MarkRows.AddErrors(report, drill, "errors after the database was back", timeline.Errors.Where(e => e.At >= upAt), upAt);
        var unclearAfter = timeline.Errors.Where(e => e.At >= upAt && e.Failure != FailureClass.Retryable).ToList();
        if (unclearAfter.Count > 0)
            report.Add(drill, "after it was back: errors that were not clear retryable ones", unclearAfter.Count.ToString(CultureInfo.InvariantCulture), Verdict.Fail);
        report.Add(drill, "recovery: first acknowledgement after the database was back", Since(timeline.FirstAcknowledgementAfter(upAt), upAt, "none"));
        var everyJudge = timeline.EveryJudgeAcknowledgedAfter(upAt, judges);
        report.Add(drill, "recovery: every judge acknowledged again", Since(everyJudge, upAt, "not all judges"), everyJudge is null ? Verdict.Fail : Verdict.Info);
        report.Add(drill, "recovery: error-free after", Since(timeline.LastErrorAfter(upAt), upAt, "no error after it was back"));
        foreach (var line in health.Describe(stoppingAt))
            report.Add(drill, "gateway /health (times from the stop)", line);

        o.Env.Reload();
        var restarted = processes.Where(p => o.Env.Pid(p) != pidsBefore[p] || !context.Control.CanKill(p)).ToList();
        report.Add(drill, "silos and gateways: same processes throughout", restarted.Count == 0 ? "yes (no restart)" : $"no: {string.Join(", ", restarted)} gone or restarted",
            restarted.Count == 0 ? Verdict.Pass : Verdict.Fail);
    }

    private static string Since(TimeSpan? at, TimeSpan origin, string none) => at is { } value ? Report.Seconds(value - origin) : none;
}
