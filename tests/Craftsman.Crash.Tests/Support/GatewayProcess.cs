using System.Diagnostics;
using System.Reflection;
using Craftsman.Tests.Shared;

namespace Craftsman.Crash.Tests.Support;

/// <summary>
/// The embedded gateway (co-hosted silo, SQLite) as a process of its own, started from the
/// gateway's build output with <c>dotnet Craftsman.Gateway.dll</c>: its own data folder, HTTP port
/// and silo ports, kept across restarts so tablets and tokens find it again. Only the process this
/// class started is ever killed, through its own <see cref="Process"/> handle.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    public const string OrganiserPassword = "organiser-crash-test";

    private readonly string _assembly;
    private readonly int _httpPort = LoopbackPorts.Next();
    private readonly int _siloPort = LoopbackPorts.Next();
    private readonly int _siloGatewayPort = LoopbackPorts.Next();
    private readonly string _clusterId = $"crash-{Guid.NewGuid():N}";
    private readonly StreamWriter _log;
    private Process? _process;

    public GatewayProcess(string dataFolder)
    {
        _assembly = Locate();
        DataFolder = dataFolder;
        Directory.CreateDirectory(dataFolder);
        _log = new StreamWriter(Path.Combine(dataFolder, "gateway.log"), append: true) { AutoFlush = true };
    }

    public string DataFolder { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{_httpPort}/");

    public string LogPath => Path.Combine(DataFolder, "gateway.log");

    public int Starts { get; private set; }

    /// <summary>Starts the process and waits (bounded) until /health answers 200.</summary>
    public async Task StartAsync(TimeSpan readyWithin)
    {
        if (_process is { HasExited: false })
            throw new InvalidOperationException("The gateway is already running.");
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(_assembly);
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_httpPort}";
        env["Craftsman__Mode"] = "Embedded";
        env["Craftsman__Silo__DatabasePath"] = Path.Combine(DataFolder, "craftsman.db");
        env["Craftsman__Silo__SiloPort"] = _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["Craftsman__Silo__GatewayPort"] = _siloGatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["Craftsman__Silo__SeedSampleEdition"] = "false";
        env["Craftsman__Auth__OrganiserPassword"] = OrganiserPassword;
        // The signing key is generated once into the data folder, so judges' tokens outlive a restart.
        env["Craftsman__Auth__SecretsPath"] = Path.Combine(DataFolder, "secrets");
        env["Craftsman__ClusterId"] = _clusterId;
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Orleans"] = "Error";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        Starts++;
        Log($"---- start {Starts}: {info.FileName} {_assembly} on {BaseUri}");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Log(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log(e.Data); };
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {_assembly}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilHealthyAsync(readyWithin);
    }

    /// <summary>SIGKILL (Process.Kill on Linux): no shutdown code runs, no buffer is flushed.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
            throw new InvalidOperationException("The gateway is not running.");
        process.Kill(entireProcessTree: false);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(limit.Token);
        Log($"---- killed (exit code {process.ExitCode})");
        process.Dispose();
        _process = null;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + within;
        string last = "no answer";
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process is null || _process.HasExited)
                throw new InvalidOperationException($"The gateway exited during start (code {_process?.ExitCode}). Its log: {LogPath}\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "health"));
                if (response.IsSuccessStatusCode)
                    return;
                last = $"{(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The gateway was not healthy within {within.TotalSeconds:F0}s (last: {last}). Its log: {LogPath}\n{Tail()}");
    }

    public string Tail(int lines = 30)
    {
        lock (_log)
        {
            _log.Flush();
            try
            {
                using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
            }
            catch (IOException e)
            {
                return $"(log unreadable: {e.Message})";
            }
        }
    }

    private void Log(string line)
    {
        lock (_log)
            _log.WriteLine(line);
    }

    /// <summary>The gateway's build output, recorded at build time by the project reference.</summary>
    private static string Locate()
    {
        var path = typeof(GatewayProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GatewayAssembly")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
            throw new InvalidOperationException($"The gateway's build output was not found ('{path}'); build tests/Craftsman.Crash.Tests, which builds src/Gateway first.");
        return path;
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH), so the gateway runs on the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: false);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            process.Dispose();
            _process = null;
        }
        lock (_log)
            _log.Dispose();
    }
}
