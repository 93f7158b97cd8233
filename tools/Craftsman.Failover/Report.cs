using System.Globalization;
using System.Text;

namespace Craftsman.Failover;

public enum Verdict
{
    Info,
    Pass,
    Fail,

    /// <summary>An acknowledged mark is missing: the one failure that sets exit code 1.</summary>
    MarksMissing,
}

public sealed record ReportRow(string Drill, string Check, string Value, Verdict Verdict);

/// <summary>The plain table the run ends with (also written to a file), and the details under it.</summary>
public sealed class Report(IReadOnlyList<string> header)
{
    private readonly List<ReportRow> _rows = [];
    private readonly List<(string Drill, string Line)> _details = [];

    public IReadOnlyList<ReportRow> Rows => _rows;

    public void Add(string drill, string check, string value, Verdict verdict = Verdict.Info) =>
        _rows.Add(new ReportRow(drill, check, value, verdict));

    public void Detail(string drill, string line) => _details.Add((drill, line));

    /// <summary>The drills could not run at all (no cluster, no sign-in): exit code 3.</summary>
    public bool SetUpFailed { get; set; }

    public int ExitCode =>
        SetUpFailed ? 3
        : _rows.Any(r => r.Verdict == Verdict.MarksMissing) ? 1
        : _rows.Any(r => r.Verdict == Verdict.Fail) ? 2
        : 0;

    public static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:F1}s");

    public static string Seconds(TimeSpan? t, string none) => t is { } value ? Seconds(value) : none;

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var line in header)
            text.AppendLine(line);
        text.AppendLine();

        string[] titles = ["drill", "check", "value", "verdict"];
        var cells = _rows.Select(r => new[] { r.Drill, r.Check, r.Value, VerdictText(r.Verdict) }).ToList();
        var widths = titles.Select((t, i) => Math.Max(t.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(string[] c) => "| " + string.Join(" | ", c.Select((v, i) => v.PadRight(widths[i]))) + " |";
        text.AppendLine(Line(titles));
        text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        string? previous = null;
        foreach (var c in cells)
        {
            // The drill's name once, at its first row, keeps the table readable.
            var shown = (string[])c.Clone();
            if (shown[0] == previous)
                shown[0] = "";
            previous = c[0];
            text.AppendLine(Line(shown));
        }

        var overall = ExitCode switch
        {
            0 => "PASS: every check passed",
            1 => "FAIL: an acknowledged mark is missing",
            3 => "the drills could not run",
            _ => "FAIL: a check failed (see the table)",
        };
        text.AppendLine().AppendLine($"Overall: {overall} (exit code {ExitCode}).");

        if (_details.Count > 0)
        {
            text.AppendLine().AppendLine("Details");
            foreach (var group in _details.GroupBy(d => d.Drill))
            {
                text.AppendLine($"  {group.Key}");
                foreach (var (_, line) in group)
                    text.AppendLine($"    {line}");
            }
        }
        return text.ToString();
    }

    private static string VerdictText(Verdict v) => v switch
    {
        Verdict.Pass => "PASS",
        Verdict.Fail => "FAIL",
        Verdict.MarksMissing => "FAIL",
        _ => "",
    };
}
