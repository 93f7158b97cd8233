namespace Craftsman.Failover.Faults;

/// <summary>A helper command the tool ran (start.sh --respawn, pg_ctl, psql): its exit code, its output and how long it took.</summary>
public sealed record CommandResult(int ExitCode, string Output, TimeSpan Took)
{
    public bool Succeeded => ExitCode == 0;

    public string Tail(int lines = 8) => string.Join('\n', Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
