using System.Globalization;
using Craftsman.Failover;
using Craftsman.Failover.Api;
using Craftsman.Failover.Drills;
using Craftsman.Failover.Faults;
using Craftsman.Failover.Setup;

FailoverOptions options;
try
{
    options = FailoverOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(FailoverOptions.Usage);
    return 3;
}
if (options.Help)
{
    Console.WriteLine(FailoverOptions.Usage);
    return 0;
}

using var abort = new CancellationTokenSource(options.TimeLimit);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    abort.Cancel();
};

var started = DateTimeOffset.UtcNow;
using var api = new GatewayApi(options.Gateways, options.Edition);
var preparation = new Preparation(api, options);
var control = new ProcessControl(options.Env);
var header = new List<string>
{
    $"Craftsman failover drills — {started:yyyy-MM-dd HH:mm} UTC, run {options.RunTag}",
    $"cluster: {options.Env.RunDir ?? "(no env file)"}; gateways {string.Join(", ", options.Gateways.Select(g => g.Authority))}; {Environment.ProcessorCount} cores",
    $"load: {options.Occupations} occupations per drill × their 5 judges, {options.Rate.ToString("0.##", CultureInfo.InvariantCulture)} marks/s per judge; "
        + $"warm-up {Report.Seconds(options.Warmup)}, after the fault {Report.Seconds(options.After)}, database outage {Report.Seconds(options.Outage)}, call timeout {Report.Seconds(options.CallTimeout)}",
};
var report = new Report(header);

try
{
    Log.Info($"waiting for {options.Gateways.Count} healthy gateways and edition {options.Edition}");
    await preparation.WaitForClusterAsync(abort.Token);
    var organiser = await preparation.OrganiserTokenAsync(abort.Token);
    var usable = await preparation.UsableOccupationsAsync(organiser, abort.Token);
    Log.Info($"{usable.Count} occupations can be marked");
    var context = new DrillContext(options, api, preparation, control, organiser, usable);

    foreach (var drill in options.Drills)
    {
        var name = drill switch
        {
            DrillKind.Silo => SiloKillDrill.Name,
            DrillKind.Gateway => GatewayKillDrill.Name,
            _ => DatabaseRestartDrill.Name,
        };
        Log.Info($"=== {name}");
        try
        {
            await (drill switch
            {
                DrillKind.Silo => new SiloKillDrill(context).RunAsync(report, abort.Token),
                DrillKind.Gateway => new GatewayKillDrill(context).RunAsync(report, abort.Token),
                _ => new DatabaseRestartDrill(context).RunAsync(report, abort.Token),
            });
        }
        catch (Exception e) when (!abort.IsCancellationRequested)
        {
            Log.Info($"{name} could not complete: {e}");
            report.Add(name, "drill", $"could not complete: {e.GetType().Name}: {e.Message}", Verdict.Fail);
        }
    }
}
catch (Exception e) when (e is OperationCanceledException && abort.IsCancellationRequested)
{
    report.Add("run", "time limit", $"stopped after {Report.Seconds(options.TimeLimit)} (or Ctrl-C) before the drills finished", Verdict.Fail);
}
catch (Exception e)
{
    Console.Error.WriteLine($"The drills could not run: {e.Message}");
    report.Add("run", "set-up", $"failed: {e.Message}", Verdict.Fail);
    report.SetUpFailed = true;
}

var text = report.Render();
Console.Write(text);
try
{
    var path = Path.GetFullPath(options.ReportPath);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, text, CancellationToken.None);
    Console.Error.WriteLine($"report written to {path}");
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"could not write the report to {options.ReportPath}: {e.Message}");
}
return report.ExitCode;
