using System.Text.Json;
using Craftsman.Load;

if (args is ["worker", .. var workerArgs])
    return await ViewerWorker.RunAsync(workerArgs);
if (args is ["sqlite-commits", .. var baselineArgs])
    return SqliteCommitBaseline.Run(baselineArgs);

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

var coordinator = new Coordinator(options);
using var cancel = new CancellationTokenSource(coordinator.Budget);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var report = await coordinator.RunAsync(cancel.Token);
    Console.WriteLine(options.Json
        ? JsonSerializer.Serialize(report, new JsonSerializerOptions(WireJson.Options) { WriteIndented = true })
        : ReportPrinter.Format(report));
    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("The run was cancelled (Ctrl+C or its time budget ran out).");
    return 1;
}
catch (Exception e)
{
    // A CLI's last word: the gateway refused, was not there, or answered something unexpected.
    Console.Error.WriteLine($"The run failed: {e.GetType().Name}: {e.Message}");
    return 1;
}
