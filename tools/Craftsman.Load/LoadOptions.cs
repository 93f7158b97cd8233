using System.Globalization;
using System.Net;

namespace Craftsman.Load;

/// <summary>The coordinator's command line. Every number is bounded so a run always ends by itself.</summary>
public sealed class LoadOptions
{
    public const int MaxViewersPerWorker = 8_000;

    public Uri Url { get; private set; } = new("http://localhost:5000");
    public string Edition { get; private set; } = "2020";
    public int Viewers { get; private set; } = 1_000;
    public int Judges { get; private set; } = 10;
    public double Rate { get; private set; } = 50;
    public double? BareRate { get; private set; }
    public int DurationSeconds { get; private set; } = 30;
    public int WarmupSeconds { get; private set; } = 5;
    public int DrainSeconds { get; private set; } = 10;
    public string? OrganiserPassword { get; private set; } = Environment.GetEnvironmentVariable("CRAFTSMAN_ORGANISER_PASSWORD");
    public int Occupations { get; private set; } = 10;
    public int Workers { get; private set; }
    public int? GatewayPid { get; private set; }
    public RunMode Mode { get; private set; } = RunMode.Both;
    public bool Json { get; private set; }
    public double ConnectRate { get; private set; } = 250;
    public int PayloadBytes { get; private set; } = 1_024;
    public int MaxInFlight { get; private set; } = 4_096;
    public int MarkTimeoutSeconds { get; private set; } = 10;
    public bool Negotiate { get; private set; }
    public bool Help { get; private set; }

    /// <summary>Boards per second each bare viewer receives: by default what a product viewer gets (rate spread over the occupations).</summary>
    public double EffectiveBareRate => BareRate ?? (Rate > 0 ? Rate / Occupations : 5);

    public bool RunsProduct => Mode is RunMode.Product or RunMode.Both;
    public bool RunsBare => Mode is RunMode.Bare or RunMode.Both;

    public const string Usage = """
        Craftsman.Load — viewers, judges and a bare SignalR baseline against a running gateway (loopback only).

          dotnet run -c Release --project tools/Craftsman.Load -- [options]
          dotnet run -c Release --project tools/Craftsman.Load -- sqlite-commits [--seconds S]
                                    the raw one-row commit rate of SQLite as the embedded store uses it

          --url URL                 gateway base URL (default http://localhost:5000; loopback hosts only)
          --edition ID              edition id (default 2020)
          --mode both|product|bare  what to measure (default both: product, then the bare hub)
          --viewers N               viewer connections per phase (default 1000)
          --workers W               viewer processes (default: enough for <= 8000 each)
          --occupations K           occupations the viewers and judges spread over (default 10)
          --judges M                judge connections (default 10; 0 = viewers only)
          --rate R                  marks per second in total, open loop (default 50)
          --bare-rate B             bare broadcasts per second (default R/K, so a bare viewer gets what a product viewer gets)
          --duration S              measured seconds (default 30)
          --warmup S                unmeasured seconds before that (default 5)
          --drain S                 longest wait for the last boards after the load (default 10)
          --connect-rate C          new connections per second across all workers (default 250)
          --organiser-password P    organiser password (or env CRAFTSMAN_ORGANISER_PASSWORD)
          --gateway-pid PID         read the gateway's memory from this process (else GET /bench/process)
          --payload-bytes N         size of the synthetic bare payload when no real board can be read (default 1024)
          --max-in-flight N         marks awaiting acknowledgement before the tool skips sends (default 4096)
          --mark-timeout S          seconds before an unacknowledged mark counts as timed out (default 10)
          --negotiate               negotiate before the WebSocket like a browser (default: skip negotiation)
          --json                    print the report as JSON on stdout (progress always goes to stderr)
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var o = new LoadOptions();
        var workersGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--url": o.Url = ParseLoopbackUrl(Next()); break;
                case "--edition": o.Edition = Next(); break;
                case "--viewers": o.Viewers = Int(name, Next(), 0, 100_000); break;
                case "--judges": o.Judges = Int(name, Next(), 0, 1_000); break;
                case "--rate": o.Rate = Double(name, Next(), 0, 50_000); break;
                case "--bare-rate": o.BareRate = Double(name, Next(), 0.1, 1_000); break;
                case "--duration": o.DurationSeconds = Int(name, Next(), 1, 3_600); break;
                case "--warmup": o.WarmupSeconds = Int(name, Next(), 0, 600); break;
                case "--drain": o.DrainSeconds = Int(name, Next(), 1, 300); break;
                case "--organiser-password": o.OrganiserPassword = Next(); break;
                case "--occupations": o.Occupations = Int(name, Next(), 1, 200); break;
                case "--workers": o.Workers = Int(name, Next(), 1, 32); workersGiven = true; break;
                case "--gateway-pid": o.GatewayPid = Int(name, Next(), 1, int.MaxValue); break;
                case "--mode": o.Mode = ParseMode(Next()); break;
                case "--json": o.Json = true; break;
                case "--connect-rate": o.ConnectRate = Double(name, Next(), 1, 5_000); break;
                case "--payload-bytes": o.PayloadBytes = Int(name, Next(), 64, 1_000_000); break;
                case "--max-in-flight": o.MaxInFlight = Int(name, Next(), 1, 100_000); break;
                case "--mark-timeout": o.MarkTimeoutSeconds = Int(name, Next(), 1, 120); break;
                case "--negotiate": o.Negotiate = true; break;
                case "-h" or "--help": o.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{name}'. Try --help.");
            }
        }

        var needed = Math.Max(1, (o.Viewers + MaxViewersPerWorker - 1) / MaxViewersPerWorker);
        if (!workersGiven)
            o.Workers = needed;
        else if (o.Workers < needed)
            throw new ArgumentException($"{o.Viewers} viewers need at least {needed} workers (at most {MaxViewersPerWorker} connections per process).");
        return o;
    }

    /// <summary>Loopback only: the tool opens thousands of sockets and must never aim them at another machine.</summary>
    public static Uri ParseLoopbackUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{text}' is not an http(s) URL.");
        var loopback = uri.IsLoopback
            || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
            throw new ArgumentException($"'{uri.Host}' is not a loopback address; the load tool targets this machine only.");
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static RunMode ParseMode(string text) => text.ToLowerInvariant() switch
    {
        "both" => RunMode.Both,
        "product" => RunMode.Product,
        "bare" => RunMode.Bare,
        _ => throw new ArgumentException($"--mode must be both, product or bare, not '{text}'."),
    };

    private static int Int(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'.");

    private static double Double(string name, string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a number from {min} to {max}, not '{text}'.");
}
