namespace Craftsman.Gateway.Benchmark;

/// <summary>
/// The load tool's side of the gateway (tools/Craftsman.Load): the bare broadcast hub it measures
/// the product against and the process figures it reports. Map only when
/// <see cref="BenchmarkOptions.Enabled"/> is set; needs <c>AddSignalR()</c> like the product hubs.
/// </summary>
public static class BenchmarkEndpoints
{
    public const string BareHubPath = "/hubs/bench";
    public const string ProcessPath = "/bench/process";

    public static IEndpointRouteBuilder MapBenchmarkEndpoints(this IEndpointRouteBuilder app)
    {
        var counter = ConnectionCounter.Shared;
        counter.StartListening();
        app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(counter.Dispose);

        app.MapHub<BareBroadcastHub>(BareHubPath).AllowAnonymous();

        // ?collect=true forces a full GC first, for a settled heap figure after a phase.
        app.MapGet(ProcessPath, (bool? collect) => Results.Ok(ProcessSnapshot.Take(counter, collect ?? false)))
            .AllowAnonymous()
            .ExcludeFromDescription();

        return app;
    }
}
