using System.Globalization;
using System.Text;

namespace Craftsman.Load;

/// <summary>The report as a plain-text table, product and bare side by side.</summary>
public static class ReportPrinter
{
    public static string Format(LoadReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Craftsman load: {r.Url} edition {r.Edition}, mode {r.Mode}, {r.Workers} viewer worker(s)"));
        var load = new List<string> { Invariant($"{r.ViewersRequested:N0} viewers") };
        if (r.Product is not null)
            load.Add(Invariant($"{r.Occupations.Count} occupation(s), {r.JudgesRequested} judges at {r.MarksPerSecond:0.##} marks/s"));
        if (r.Bare is not null)
            load.Add(Invariant($"bare {r.BareBroadcastsPerSecond:0.##} broadcasts/s"));
        load.Add(Invariant($"{r.WarmupSeconds} s warm-up, {r.DurationSeconds} s measured"));
        text.AppendLine(string.Join("; ", load));
        if (r.Product is not null)
            text.AppendLine("occupations: " + string.Join(", ", r.Occupations));
        text.AppendLine();

        var p = r.Product;
        var b = r.Bare;
        var rows = new List<(string, string, string)>
        {
            ("", "product", "bare"),
            ("viewers connected / requested", p is null ? "-" : Invariant($"{p.Viewers.Connected:N0} / {p.Viewers.Requested:N0}"), b is null ? "-" : Invariant($"{b.Viewers.Connected:N0} / {b.Viewers.Requested:N0}")),
            ("viewers held at end (dropped)", p is null ? "-" : Invariant($"{p.Viewers.Held:N0} ({p.Viewers.Dropped})"), b is null ? "-" : Invariant($"{b.Viewers.Held:N0} ({b.Viewers.Dropped})")),
            ("connect failures", p is null ? "-" : Failures(p.Viewers), b is null ? "-" : Failures(b.Viewers)),
            ("connect time", p is null ? "-" : Invariant($"{p.Viewers.ConnectSeconds:0.#} s"), b is null ? "-" : Invariant($"{b.Viewers.ConnectSeconds:0.#} s")),
            ("CPU, load to drain: workers / gateway", p is null ? "-" : Cpu(p.Viewers), b is null ? "-" : Cpu(b.Viewers)),
            ("payload bytes", p?.BoardBytes?.ToString(CultureInfo.InvariantCulture) ?? "-", b is null ? "-" : b.Sender.PayloadBytes.ToString(CultureInfo.InvariantCulture)),
            ("latency samples (mark x viewer)", p is null ? "-" : Invariant($"{p.MarkToScreen.Count:N0}"), b is null ? "-" : Invariant($"{b.Latency.Count:N0}")),
            ("  received / expected", p is null ? "-" : Invariant($"{p.PairsMatched:N0} / {p.PairsExpected:N0}"), b is null ? "-" : Invariant($"{b.Received:N0} / {b.Expected:N0}")),
            ("  boards received (all)", p is null ? "-" : Invariant($"{p.BoardsReceived:N0}"), b is null ? "-" : Invariant($"{b.BoardsReceived:N0}")),
            ("  snapshots a page would fetch (per push)", p is null ? "-" : Invariant($"{p.SnapshotsNeeded:N0} ({(p.BoardsReceived == 0 ? 0 : (double)p.SnapshotsNeeded / p.BoardsReceived):0.####})"), "-"),
            ("  all boards arrived in the drain", p is null || p.Viewers.Connected == 0 ? "-" : Yes(p.DrainComplete), b is null || b.Viewers.Connected == 0 ? "-" : Yes(b.DrainComplete)),
            ("to screen p50 ms", Ms(p?.MarkToScreen, s => s.P50Ms), Ms(b?.Latency, s => s.P50Ms)),
            ("to screen p95 ms", Ms(p?.MarkToScreen, s => s.P95Ms), Ms(b?.Latency, s => s.P95Ms)),
            ("to screen p99 ms", Ms(p?.MarkToScreen, s => s.P99Ms), Ms(b?.Latency, s => s.P99Ms)),
            ("to screen max ms", Ms(p?.MarkToScreen, s => s.MaxMs), Ms(b?.Latency, s => s.MaxMs)),
            ("p99 product / bare", r.P99Ratio is { } ratio ? Invariant($"{ratio:0.00}x") : "-", ""),
        };
        if (b is not null)
            rows.Add(("bare broadcasts sent (measured)", "", Invariant($"{b.Sender.LastSequence:N0} ({b.Sender.Measured:N0}), {b.Sender.Failed} failed, {b.Sender.Unconfirmed} unconfirmed after 30 s, {b.Sender.Skipped} skipped")));
        if (p is not null)
        {
            var j = p.Judges;
            rows.Add(("judges connected (failed, dropped)", Invariant($"{j.JudgesConnected} ({j.JudgeConnectFailures}, {j.JudgesDropped})"), ""));
            rows.Add(("marks sent (measured)", Invariant($"{j.Sent:N0} ({j.SentMeasured:N0})"), ""));
            rows.Add(("marks acked (measured, corrections)", Invariant($"{j.Accepted:N0} ({j.AcceptedMeasured:N0}, {j.Corrections:N0})"), ""));
            rows.Add(("marks rejected / errors / timeouts", Invariant($"{j.Rejected:N0} / {j.Failed:N0} / {j.TimedOut:N0}"), ""));
            rows.Add(("marks skipped (client back-pressure)", Invariant($"{j.Skipped:N0}"), ""));
            rows.Add(("acked marks/s", Invariant($"{j.AckedPerSecond:0.#}"), ""));
            rows.Add(("  acks received/s while sending", Invariant($"{j.AckedInWindowPerSecond:0.#}"), ""));
            rows.Add(("ack p50 / p95 / p99 / max ms", j.AckLatency.Count == 0 ? "-" : Invariant($"{j.AckLatency.P50Ms:0.#} / {j.AckLatency.P95Ms:0.#} / {j.AckLatency.P99Ms:0.#} / {j.AckLatency.MaxMs:0.#}"), ""));
            foreach (var (code, n) in j.Rejections)
                rows.Add(($"  rejected: {code}", n.ToString(CultureInfo.InvariantCulture), ""));
            foreach (var (error, n) in j.Errors)
                rows.Add(($"  error: {error}", n.ToString(CultureInfo.InvariantCulture), ""));
            if (p.NegativeLatencies > 0 || p.ReceiptsUntracked > 0)
                rows.Add(("  negative / untracked receipts", Invariant($"{p.NegativeLatencies} / {p.ReceiptsUntracked}"), ""));
        }
        Table(text, rows);

        text.AppendLine();
        var memory = new List<(string, string, string)> { ("gateway", "working set / private / GC heap", "connections / fds") };
        foreach (var m in r.Memory)
            memory.Add((m.Phase, $"{Mib(m.WorkingSetBytes)} / {Mib(m.PrivateMemoryBytes)} / {Mib(m.GcHeapBytes)}", $"{m.Connections?.ToString(CultureInfo.InvariantCulture) ?? "?"} / {m.OpenFileDescriptors?.ToString(CultureInfo.InvariantCulture) ?? "?"}"));
        Table(text, memory);

        if (r.Targets.Count > 0)
        {
            text.AppendLine();
            var targets = new List<(string, string, string)> { ("target", "measured", "goal") };
            targets.AddRange(r.Targets.Select(t => ($"{(t.Met ? "[met]   " : "[missed]")} {t.Name}", t.Measured, t.Target)));
            Table(text, targets);
        }
        return text.ToString();
    }

    public static string Mib(long? bytes) => bytes is { } b ? Invariant($"{b / 1024.0 / 1024.0:0} MiB") : "?";

    private static void Table(StringBuilder text, List<(string A, string B, string C)> rows)
    {
        var a = rows.Max(r => r.A.Length);
        var b = rows.Max(r => r.B.Length);
        foreach (var (ca, cb, cc) in rows)
            text.AppendLine($"{ca.PadRight(a)}  {cb.PadRight(b)}  {cc}".TrimEnd());
    }

    private static string Failures(ViewerPhase v) =>
        v.Failed == 0 ? "0" : Invariant($"{v.Failed} ({string.Join("; ", v.Failures.OrderByDescending(f => f.Value).Take(3).Select(f => $"{f.Key}: {f.Value}"))})");

    private static string Ms(LatencyStats? s, Func<LatencyStats, double> pick) =>
        s is { Count: > 0 } ? pick(s).ToString("0.#", CultureInfo.InvariantCulture) : "-";

    private static string Cpu(ViewerPhase v) =>
        Invariant($"{v.WorkerCpuSeconds:0.#} s / {(v.GatewayCpuSeconds is { } g ? g.ToString("0.#", CultureInfo.InvariantCulture) + " s" : "?")} over {v.LoadSeconds:0} s");

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
