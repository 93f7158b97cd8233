namespace Craftsman.Gateway.Benchmark;

/// <summary>
/// Switches on the load tool's endpoints (<c>/hubs/bench</c>, <c>/bench/process</c>). Off by default:
/// they are anonymous and expose process figures, so they belong on benchmark runs only.
/// </summary>
public sealed class BenchmarkOptions
{
    public const string Section = "Craftsman:Benchmark";

    public bool Enabled { get; set; }
}
