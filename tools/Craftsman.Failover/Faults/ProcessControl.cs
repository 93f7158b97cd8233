using System.Diagnostics;

namespace Craftsman.Failover.Faults;

/// <summary>
/// The faults themselves, on processes start.sh started and recorded in its env file: a process is
/// killed only by that PID, and only while its command line still names the run directory (so a
/// recycled PID is never hit). PostgreSQL is stopped and started with pg_ctl as its own OS user on
/// the same data directory and port.
/// </summary>
public sealed class ProcessControl(ClusterEnv env)
{
    public string RunDir => env.Require("CRAFTSMAN_RUN_DIR");

    public bool CanKill(string name) => env.RunDir is not null && env.Pid(name) is { } pid && IsOurs(pid);

    public bool CanRestartDatabase => env["CRAFTSMAN_PG_DATA"] is not null && env["CRAFTSMAN_PG_PORT"] is not null && env["CRAFTSMAN_PG_BINDIR"] is not null;

    public bool CanRespawn => env.RunDir is not null && env["CRAFTSMAN_REPO"] is not null;

    /// <summary>kill -9 of the named process; answers once it is gone (bounded).</summary>
    public async Task<int> KillAsync(string name)
    {
        var pid = env.Pid(name) ?? throw new InvalidOperationException($"The env file names no PID for {name}.");
        if (!IsOurs(pid))
            throw new InvalidOperationException($"PID {pid} is not {name} of {RunDir} (gone, or not ours); not killing it.");
        using (var process = Process.GetProcessById(pid))
            process.Kill(entireProcessTree: false); // SIGKILL on Unix
        for (var i = 0; i < 100 && !IsGone(pid); i++)
            await Task.Delay(50);
        if (!IsGone(pid))
            throw new InvalidOperationException($"{name} (PID {pid}) is still alive 5s after SIGKILL.");
        return pid;
    }

    /// <summary>deploy/cluster/start.sh --respawn NAME RUN_DIR: the process again, on its old ports, ready.</summary>
    public async Task<CommandResult> RespawnAsync(string name)
    {
        var script = Path.Combine(env.Require("CRAFTSMAN_REPO"), "deploy", "cluster", "start.sh");
        var result = await RunAsync("bash", [script, "--respawn", name, RunDir, "--timeout", "150"], TimeSpan.FromSeconds(180));
        env.Reload();
        return result;
    }

    public Task<CommandResult> StopDatabaseAsync() =>
        PgCtlAsync(["-D", env.Require("CRAFTSMAN_PG_DATA"), "-m", "fast", "-w", "-t", "60", "stop"]);

    public Task<CommandResult> StartDatabaseAsync() =>
        PgCtlAsync(["-D", env.Require("CRAFTSMAN_PG_DATA"), "-l", env["CRAFTSMAN_PG_LOG"] ?? Path.Combine(env.Require("CRAFTSMAN_PG_DIR"), "postgres.log"),
            "-w", "-t", "60", "-o", $"-p {env.Require("CRAFTSMAN_PG_PORT")}", "start"]);

    /// <summary>One query through psql; null when psql is not there or fails.</summary>
    public async Task<string?> PsqlAsync(string sql)
    {
        var bindir = env["CRAFTSMAN_PG_BINDIR"];
        var libpq = env["CRAFTSMAN_PG_LIBPQ"];
        if (bindir is null || libpq is null || !File.Exists(Path.Combine(bindir, "psql")))
            return null;
        var result = await RunAsync(Path.Combine(bindir, "psql"), ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", libpq, "-c", sql], TimeSpan.FromSeconds(5));
        return result.Succeeded ? result.Output.Trim() : null;
    }

    private Task<CommandResult> PgCtlAsync(IReadOnlyList<string> args)
    {
        var pgCtl = Path.Combine(env.Require("CRAFTSMAN_PG_BINDIR"), "pg_ctl");
        var user = env["CRAFTSMAN_PG_OS_USER"];
        // The server refuses to run as root: start.sh ran it as "postgres"; do the same.
        return user is not null && user != Environment.UserName && Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", user, "--", pgCtl, .. args], TimeSpan.FromSeconds(90))
            : RunAsync(pgCtl, args, TimeSpan.FromSeconds(90));
    }

    public static async Task<CommandResult> RunAsync(string file, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var started = RunClock.Now;
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // ours: we just started it
            return new CommandResult(-1, $"{file} did not finish within {timeout.TotalSeconds:F0}s\n{await output}{await error}", RunClock.Now - started);
        }
        return new CommandResult(process.ExitCode, (await output) + (await error), RunClock.Now - started);
    }

    private bool IsOurs(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return env.RunDir is { } dir && commandLine.Contains(dir.TrimEnd('/') + "/", StringComparison.Ordinal) && !IsGone(pid);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Gone, or a zombie waiting for its parent to reap it.</summary>
    private static bool IsGone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is "Z" or "X";
        }
        catch (IOException)
        {
            return true;
        }
    }
}
