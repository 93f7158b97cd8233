using System.Globalization;

namespace Craftsman.Failover;

/// <summary>The command line. Everything about the cluster can come from start.sh's env file; options override it.</summary>
public sealed class FailoverOptions
{
    public const string Usage = """
        Craftsman.Failover — fault drills against a running local cluster (deploy/cluster/start.sh).

          Craftsman.Failover --env RUN_DIR/cluster.env [options]

          --env FILE            the env file start.sh wrote (gateway URLs, password, PIDs, PostgreSQL)
          --gateways URL,URL    gateway URLs (default: from the env file)
          --password PW         organiser password (default: from the env file)
          --edition ID          edition to mark (default: 2020)
          --drills LIST         any of silo,gateway,database (or a,b,c); default: all three
          --occupations N       occupations per drill, 5 judges each (default: 5)
          --rate R              marks per second per judge (default: 1)
          --warmup S            seconds of marking before the fault (default: 10)
          --after S             seconds of marking after the fault / after the database is back (default: 30)
          --outage S            seconds the database stays down in the database drill (default: 15)
          --settle S            longest time to keep resending unacknowledged marks after marking stops (default: 60)
          --viewers N           live viewers in the gateway drill (default: 30; two thirds on the killed gateway)
          --silo-viewers N      live viewers watching during the silo drill, for information (default: 10)
          --victim-silo NAME    silo to kill -9 (default: silo1)
          --victim-gateway NAME gateway to kill -9 (default: gateway1)
          --call-timeout S      client-side limit on one submission (default: 15)
          --no-respawn          do not restart a killed process after its drill (start.sh --respawn)
          --report FILE         where to write the report (default: failover-report.txt)
          --time-limit S        bound on the whole run (default: 1200)

        Exit code: 0 all checks passed; 1 an acknowledged mark is missing; 2 another check failed;
        3 the drills could not run (setup error).
        """;

    public ClusterEnv Env { get; private set; } = ClusterEnv.Empty();
    public IReadOnlyList<Uri> Gateways { get; private set; } = [];
    public string OrganiserPassword { get; private set; } = "";
    public string Edition { get; private set; } = "2020";
    public IReadOnlyList<DrillKind> Drills { get; private set; } = [DrillKind.Silo, DrillKind.Gateway, DrillKind.Database];
    public int Occupations { get; private set; } = 5;
    public double Rate { get; private set; } = 1;
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(10);
    public TimeSpan After { get; private set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Outage { get; private set; } = TimeSpan.FromSeconds(15);
    public TimeSpan Settle { get; private set; } = TimeSpan.FromSeconds(60);
    public int Viewers { get; private set; } = 30;
    public int SiloViewers { get; private set; } = 10;
    public string VictimSilo { get; private set; } = "silo1";
    public string VictimGateway { get; private set; } = "gateway1";
    public TimeSpan CallTimeout { get; private set; } = TimeSpan.FromSeconds(15);
    public bool Respawn { get; private set; } = true;
    public string ReportPath { get; private set; } = "failover-report.txt";
    public TimeSpan TimeLimit { get; private set; } = TimeSpan.FromSeconds(1200);
    public bool Help { get; private set; }

    /// <summary>Marks are told apart from any earlier run's by this tag in their idempotency keys.</summary>
    public string RunTag { get; } = Guid.NewGuid().ToString("N")[..6];

    public static FailoverOptions Parse(string[] args)
    {
        var o = new FailoverOptions();
        string? gateways = null, password = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "-h" or "--help": o.Help = true; break;
                case "--env": o.Env = ClusterEnv.Load(Value()); break;
                case "--gateways": gateways = Value(); break;
                case "--password": password = Value(); break;
                case "--edition": o.Edition = Value(); break;
                case "--drills": o.Drills = ParseDrills(Value()); break;
                case "--occupations": o.Occupations = Int(name, Value(), 1, 9); break;
                case "--rate": o.Rate = Double(name, Value(), 0.1, 10); break;
                case "--warmup": o.Warmup = Seconds(name, Value(), 1, 300); break;
                case "--after": o.After = Seconds(name, Value(), 5, 600); break;
                case "--outage": o.Outage = Seconds(name, Value(), 1, 300); break;
                case "--settle": o.Settle = Seconds(name, Value(), 5, 600); break;
                case "--viewers": o.Viewers = Int(name, Value(), 1, 500); break;
                case "--silo-viewers": o.SiloViewers = Int(name, Value(), 0, 500); break;
                case "--victim-silo": o.VictimSilo = OneOf(name, Value(), "silo1", "silo2"); break;
                case "--victim-gateway": o.VictimGateway = OneOf(name, Value(), "gateway1", "gateway2"); break;
                case "--call-timeout": o.CallTimeout = Seconds(name, Value(), 1, 120); break;
                case "--no-respawn": o.Respawn = false; break;
                case "--report": o.ReportPath = Value(); break;
                case "--time-limit": o.TimeLimit = Seconds(name, Value(), 60, 7200); break;
                default: throw new ArgumentException($"Unknown option '{name}'. Try --help.");
            }
        }
        if (o.Help)
            return o;

        if (gateways is not null)
            o.Env["CRAFTSMAN_GATEWAY_URLS"] = gateways;
        if (password is not null)
            o.Env["CRAFTSMAN_ORGANISER_PASSWORD"] = password;
        o.Gateways = o.Env.GatewayUrls;
        if (o.Gateways.Count < 2)
            throw new ArgumentException("Two gateway URLs are needed (--env FILE or --gateways URL,URL).");
        foreach (var url in o.Gateways)
        {
            if (!url.IsLoopback)
                throw new ArgumentException($"Only loopback gateways are drilled; {url} is not one.");
        }
        o.OrganiserPassword = o.Env.Require("CRAFTSMAN_ORGANISER_PASSWORD");
        return o;
    }

    private static IReadOnlyList<DrillKind> ParseDrills(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => d.ToLowerInvariant() switch
        {
            "a" or "silo" => DrillKind.Silo,
            "b" or "gateway" => DrillKind.Gateway,
            "c" or "database" or "db" or "postgres" => DrillKind.Database,
            _ => throw new ArgumentException($"Unknown drill '{d}' (silo, gateway, database)."),
        }).Distinct().Order()];

    private static int Int(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{name} takes a whole number from {min} to {max}, not '{text}'.");

    private static double Double(string name, string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{name} takes a number from {min} to {max}, not '{text}'.");

    private static TimeSpan Seconds(string name, string text, double min, double max) =>
        TimeSpan.FromSeconds(Double(name, text, min, max));

    private static string OneOf(string name, string text, params string[] allowed) =>
        allowed.Contains(text) ? text : throw new ArgumentException($"{name} takes one of {string.Join(", ", allowed)}, not '{text}'.");
}
