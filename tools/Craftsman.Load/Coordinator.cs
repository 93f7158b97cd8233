using System.Text.Json.Nodes;

namespace Craftsman.Load;

/// <summary>
/// Runs the phases in order — prepare, product (viewers in workers, judges here), bare (same
/// viewer count on /hubs/bench) — sampling the gateway's memory at the end of each, and builds the report.
/// </summary>
public sealed class Coordinator(LoadOptions o)
{
    private readonly List<MemorySample> _memory = [];

    /// <summary>The longest a run may take; the caller cancels after it, the workers exit by themselves.</summary>
    public TimeSpan Budget => TimeSpan.FromSeconds(120) + (o.RunsProduct ? PhaseBudget : TimeSpan.Zero) + (o.RunsBare ? PhaseBudget : TimeSpan.Zero);

    private TimeSpan ConnectBudget => TimeSpan.FromSeconds(2 * o.Viewers / o.ConnectRate + 120);

    private TimeSpan PhaseBudget => ConnectBudget + TimeSpan.FromSeconds(o.WarmupSeconds + o.DurationSeconds + o.DrainSeconds + o.MarkTimeoutSeconds + 300);

    public async Task<LoadReport> RunAsync(CancellationToken cancel)
    {
        using var api = new GatewayApi(o.Url, o.GatewayPid);
        await Sample(api, "start", cancel);

        IReadOnlyList<string> occupations = [];
        ProductReport? product = null;
        BareReport? bare = null;
        JsonObject? board = null;
        if (o.RunsProduct)
        {
            var plan = await ProductPreparation.PrepareAsync(o, api, cancel);
            occupations = [.. plan.Occupations.Select(p => p.Code)];
            await Sample(api, "prepared", cancel);
            (product, board) = await RunProductAsync(api, plan, cancel);
        }
        if (o.RunsBare)
        {
            if (board is null && occupations.Count == 0)
                occupations = await TryOccupationsAsync(api, cancel);
            if (board is null && occupations.Count > 0)
                board = await BoardSample.ReadLargestAsync(o, occupations, cancel);
            bare = await RunBareAsync(api, board ?? BoardSample.Synthetic(o.PayloadBytes), cancel);
        }

        double? ratio = product is { MarkToScreen.Count: > 0 } && bare is { Latency: { Count: > 0, P99Ms: > 0 } }
            ? product.MarkToScreen.P99Ms / bare.Latency.P99Ms
            : null;
        return new LoadReport(
            o.Url.ToString(), o.Edition, o.Mode.ToString().ToLowerInvariant(), o.Viewers, o.Workers, o.Judges, o.Rate,
            o.EffectiveBareRate, o.WarmupSeconds, o.DurationSeconds, occupations, product, bare, ratio, _memory,
            Targets(product, bare, ratio));
    }

    private async Task<(ProductReport Report, JsonObject? Board)> RunProductAsync(GatewayApi api, ContestPlan plan, CancellationToken cancel)
    {
        var occupations = plan.Occupations.Select(p => p.Code).ToList();
        await using var pool = o.Viewers > 0 ? WorkerPool.Start(o, Hubs.Live, occupations, PhaseBudget) : null;
        IReadOnlyList<WorkerMessage> ready = pool is null ? [] : await pool.WaitReadyAsync(ConnectBudget, cancel);
        Log($"product: {ready.Sum(r => r.Connected)} of {o.Viewers} viewers connected");
        var connected = await Sample(api, "product: viewers connected", cancel);

        JudgeResult judged;
        WorkerCommand matchCommand;
        await using (var judges = new JudgeLoad(o, plan.Judges))
        {
            await judges.ConnectAsync(cancel);
            Log($"product: sending {o.Rate} marks/s for {o.WarmupSeconds} s warm-up + {o.DurationSeconds} s");
            using (var watch = GatewayWatch.Start(api, "product: peak during load", cancel))
            {
                judged = await judges.RunAsync(cancel);
                if (await watch.StopAsync() is { } peak)
                    _memory.Add(peak);
            }
            await Sample(api, "product: load end", cancel);
            matchCommand = new WorkerCommand("report", judges.MeasuredAcks(), judges.Targets(), o.DrainSeconds * 1000);
        }

        IReadOnlyList<WorkerMessage> results = pool is null
            ? []
            : await pool.ReportAsync(matchCommand, TimeSpan.FromSeconds(o.DrainSeconds + 120), cancel);
        var drained = await api.SampleAsync("product: drained", cancel);
        var board = await BoardSample.ReadLargestAsync(o, occupations, cancel);
        if (pool is not null)
            await pool.StopAsync(TimeSpan.FromSeconds(90));
        await Sample(api, "product: viewers closed", cancel);

        var latency = new LatencyHistogram();
        foreach (var r in results)
            latency.Merge(r.Latency);
        var report = new ProductReport(
            Viewers(ready, results, connected, drained, judged.SendingSeconds),
            judged,
            latency.Stats(),
            results.Sum(r => r.PairsExpected),
            results.Sum(r => r.PairsMatched),
            results.Sum(r => r.BoardsReceived),
            results.Sum(r => r.NegativeLatencies),
            results.Sum(r => r.ReceiptsUntracked),
            results.Count > 0 && results.All(r => r.DrainComplete),
            board is null ? null : BoardSample.Size(board),
            results.Sum(r => r.SnapshotsNeeded));
        return (report, board);
    }

    private async Task<BareReport> RunBareAsync(GatewayApi api, JsonObject board, CancellationToken cancel)
    {
        await using var pool = WorkerPool.Start(o, Hubs.Bench, ["bare"], PhaseBudget);
        var ready = await pool.WaitReadyAsync(ConnectBudget, cancel);
        Log($"bare: {ready.Sum(r => r.Connected)} of {o.Viewers} viewers connected");
        var connected = await Sample(api, "bare: viewers connected", cancel);

        Log($"bare: broadcasting {o.EffectiveBareRate:0.##}/s for {o.WarmupSeconds} s warm-up + {o.DurationSeconds} s");
        BareResult sent;
        using (var watch = GatewayWatch.Start(api, "bare: peak during load", cancel))
        {
            sent = await new BareBroadcaster(o, board).RunAsync(cancel);
            if (await watch.StopAsync() is { } peak)
                _memory.Add(peak);
        }
        await Sample(api, "bare: load end", cancel);

        var results = await pool.ReportAsync(
            new WorkerCommand("report", Targets: new Dictionary<string, long> { ["bare"] = sent.LastSequence }, DrainMs: o.DrainSeconds * 1000),
            TimeSpan.FromSeconds(o.DrainSeconds + 120), cancel);
        var drained = await api.SampleAsync("bare: drained", cancel);
        await pool.StopAsync(TimeSpan.FromSeconds(90));
        await Sample(api, "bare: viewers closed", cancel);

        var latency = new LatencyHistogram();
        foreach (var r in results)
            latency.Merge(r.Latency);
        var viewers = Viewers(ready, results, connected, drained, sent.SendingSeconds);
        return new BareReport(
            viewers,
            sent,
            latency.Stats(),
            sent.Measured * viewers.Connected,
            results.Sum(r => r.BareMeasured),
            results.Sum(r => r.BoardsReceived),
            results.Count > 0 && results.All(r => r.DrainComplete));
    }

    private ViewerPhase Viewers(
        IReadOnlyList<WorkerMessage> ready, IReadOnlyList<WorkerMessage> results, MemorySample connected, MemorySample drained, double loadSeconds)
    {
        var failures = new Dictionary<string, int>();
        foreach (var (reason, count) in ready.SelectMany(r => r.Failures ?? new Dictionary<string, int>()))
            failures[reason] = failures.GetValueOrDefault(reason) + count;
        return new ViewerPhase(
            o.Viewers,
            ready.Sum(r => r.Attempted),
            ready.Sum(r => r.Connected),
            ready.Sum(r => r.Failed),
            results.Sum(r => r.Held),
            results.Sum(r => r.Dropped),
            ready.Count == 0 ? 0 : ready.Max(r => r.ConnectSeconds),
            failures,
            results.Sum(r => r.CpuSeconds) - ready.Where(r => results.Any(x => x.Worker == r.Worker)).Sum(r => r.CpuSeconds),
            drained.CpuSeconds - connected.CpuSeconds,
            loadSeconds);
    }

    private async Task<IReadOnlyList<string>> TryOccupationsAsync(GatewayApi api, CancellationToken cancel)
    {
        try
        {
            return [.. (await api.OccupationCodesAsync(o.Edition, null, cancel)).Take(o.Occupations)];
        }
        catch (HttpRequestException)
        {
            return [];
        }
    }

    private async Task<MemorySample> Sample(GatewayApi api, string phase, CancellationToken cancel)
    {
        var sample = await api.SampleAsync(phase, cancel);
        _memory.Add(sample);
        Log($"gateway memory ({phase}): {ReportPrinter.Mib(sample.WorkingSetBytes)} working set, {sample.Connections?.ToString() ?? "?"} connections");
        return sample;
    }

    private IReadOnlyList<TargetCheck> Targets(ProductReport? product, BareReport? bare, double? ratio)
    {
        var checks = new List<TargetCheck>();
        var scale = $" at {o.Viewers:N0} viewers";
        if (product is { MarkToScreen.Count: > 0 })
            checks.Add(new("mark-to-screen p99" + scale, $"{product.MarkToScreen.P99Ms:0.#} ms", "<= 250 ms", product.MarkToScreen.P99Ms <= 250));
        if (ratio is { } r)
            checks.Add(new("product p99 / bare p99" + scale, $"{r:0.00}x", "<= 1.5x", r <= 1.5));
        if (product is { Judges.AcceptedMeasured: > 0 } p)
        {
            checks.Add(new($"acknowledged marks per second (offered {o.Rate:0.##}/s)", $"{p.Judges.AckedPerSecond:0}", ">= 2000", p.Judges.AckedPerSecond >= 2000));
            checks.Add(new("time to acknowledgement p99", $"{p.Judges.AckLatency.P99Ms:0.#} ms", "<= 50 ms", p.Judges.AckLatency.P99Ms <= 50));
        }
        // The peak while connections were open (memory the GC keeps after they close says less).
        var loaded = _memory.Where(m => m.WorkingSetBytes is not null && m.Connections is not 0).ToList();
        var peak = (loaded.Count > 0 ? loaded : _memory.Where(m => m.WorkingSetBytes is not null)).MaxBy(m => m.WorkingSetBytes);
        var held = Math.Max(product?.Viewers.Held ?? 0, bare?.Viewers.Held ?? 0);
        if (peak is { WorkingSetBytes: { } bytes })
            checks.Add(new($"gateway peak working set, {held:N0} viewers held ({peak.Phase})", ReportPrinter.Mib(bytes), "<= 1536 MiB at 20,000", bytes <= 1536L * 1024 * 1024));
        return checks;
    }

    private static void Log(string text) => Console.Error.WriteLine(text);
}
