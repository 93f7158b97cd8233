namespace Craftsman.Failover;

/// <summary>
/// The env file deploy/cluster/start.sh writes (KEY='value' lines): gateway URLs, the organiser
/// password, every process's PID and the PostgreSQL data directory. Re-read after a respawn, which
/// records the new PID there.
/// </summary>
public sealed class ClusterEnv
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private ClusterEnv(string? path) => Path = path;

    /// <summary>The file, or null when everything came from the command line.</summary>
    public string? Path { get; }

    public static ClusterEnv Empty() => new(null);

    public static ClusterEnv Load(string path)
    {
        if (!File.Exists(path))
            throw new ArgumentException($"The env file '{path}' does not exist (deploy/cluster/start.sh prints it as CRAFTSMAN_ENV_FILE=...).");
        var env = new ClusterEnv(System.IO.Path.GetFullPath(path));
        env.Reload();
        return env;
    }

    public void Reload()
    {
        if (Path is null)
            return;
        foreach (var line in File.ReadAllLines(Path))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
                continue;
            var equals = text.IndexOf('=');
            if (equals <= 0)
                continue;
            var value = text[(equals + 1)..];
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
                value = value[1..^1];
            _values[text[..equals]] = value;
        }
    }

    public string? this[string key]
    {
        get => _values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        set
        {
            if (value is null)
                _values.Remove(key);
            else
                _values[key] = value;
        }
    }

    public string Require(string key) =>
        this[key] ?? throw new ArgumentException($"{key} is not set (give --env with the file deploy/cluster/start.sh wrote, or the matching option).");

    /// <summary>The PID of a process start.sh started: silo1, silo2, gateway1, gateway2.</summary>
    public int? Pid(string name) => int.TryParse(this[$"CRAFTSMAN_{name.ToUpperInvariant()}_PID"], out var pid) ? pid : null;

    public string? RunDir => this["CRAFTSMAN_RUN_DIR"];

    public IReadOnlyList<Uri> GatewayUrls =>
        [.. (this["CRAFTSMAN_GATEWAY_URLS"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => new Uri(u.EndsWith('/') ? u : u + "/"))];

    /// <summary>Which gateway URL belongs to gateway1 / gateway2, when the env file says.</summary>
    public int GatewayIndex(string name)
    {
        var url = this[$"CRAFTSMAN_{name.ToUpperInvariant()}_URL"];
        if (url is null)
            return -1;
        var wanted = new Uri(url.EndsWith('/') ? url : url + "/");
        return GatewayUrls.ToList().FindIndex(u => u == wanted);
    }
}
