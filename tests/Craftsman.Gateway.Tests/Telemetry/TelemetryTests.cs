using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Craftsman.Gateway.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Craftsman.Gateway.Tests.Telemetry;

/// <summary>What an operator sees of a judge marking: the counters and histograms at /metrics, and one trace per mark from the gateway to storage.</summary>
/// <remarks>
/// Alone, not beside the other suites' hosts: meters of one name are process-wide, and while other
/// hosts start and stop in parallel the framework's series did not reliably reach this host's page.
/// </remarks>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string Contest = "/api/editions/2020/occupations/cnc-lathe";
    private readonly LockedList<Activity> _spans = new();
    private GatewayFactory _factory = null!;
    private GatewayClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GatewayFactory(GatewayFactory.NewDatabasePath(), builder =>
        {
            // No collector here: traces are on because this setting says so, into the test's own exporter.
            builder.UseSetting("Craftsman:Telemetry:Tracing", "true");
            builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));
        });
        _client = new GatewayClient(_factory);
        await _client.GoLive();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task MetricsShowAcknowledgedMarksAndTheirLatencyMovingWhileAJudgeMarks()
    {
        var judge = await _client.Judge("J014");
        await using var viewer = _client.Hub("/hubs/live");
        await viewer.StartAsync();
        var before = await Scrape();

        for (var i = 0; i < 3; i++)
            (await judge.PostAsJsonAsync($"{Contest}/marks", new { idempotencyKey = $"metrics-{i}", contestantId = "C007", criterionId = "P3", value = 15m + i })).EnsureSuccessStatusCode();
        var after = await Scrape();

        // Other tests in this process mark too, and our meter is process-wide: the counts can only grow by more.
        Assert.True(Sum(after, "craftsman_marks_acknowledged_total") - Sum(before, "craftsman_marks_acknowledged_total") >= 3);
        Assert.True(Sum(after, "craftsman_mark_ack_duration_seconds_count") - Sum(before, "craftsman_mark_ack_duration_seconds_count") >= 3);
        Assert.True(Sum(after, "craftsman_storage_commit_batch_size_count") > Sum(before, "craftsman_storage_commit_batch_size_count"));
        Assert.Contains("craftsman_mark_ack_duration_seconds_bucket{", after);
        Assert.True(Sum(after, "craftsman_hub_connections", "hub=\"LiveHub\"") >= 1);
        Assert.Contains("http_server_request_duration_seconds", after);
    }

    [Fact]
    public async Task TraceOfOneMarkSpansGatewayGrainAndStorage()
    {
        var judge = await _client.Judge("J014");
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Contest}/marks")
        {
            Content = JsonContent.Create(new { idempotencyKey = "traced", contestantId = "C007", criterionId = "P3", value = 16.5m }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        (await judge.SendAsync(request)).EnsureSuccessStatusCode();

        var trace = await WaitForTrace(traceId, spans =>
            spans.Any(s => s.Source.Name == "Microsoft.AspNetCore") && spans.Any(s => s.DisplayName.StartsWith("storage write", StringComparison.Ordinal)));
        Assert.Contains(trace, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        Assert.Contains(trace, s => s.Source.Name == "Microsoft.Orleans.Application" && s.DisplayName.Contains("SubmitMarks", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Source.Name == "Craftsman" && s.DisplayName.StartsWith("storage write", StringComparison.Ordinal));
    }

    private async Task<string> Scrape()
    {
        var response = await _client.Anonymous.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Adds up every series of <paramref name="metric"/> (all label sets) in a Prometheus text page.</summary>
    private static double Sum(string page, string metric, string label = "") => page.Split('\n')
        .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
        .Where(line => line.Contains(label, StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    /// <summary>Spans end (and are exported) a little after the answer leaves; waits until the trace is complete enough.</summary>
    private async Task<List<Activity>> WaitForTrace(ActivityTraceId traceId, Func<List<Activity>, bool> complete)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        List<Activity> trace;
        do
        {
            trace = _spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
            if (complete(trace))
                return trace;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        return trace;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry (alone)";
}
