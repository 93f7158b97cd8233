using Craftsman.Silo.Extensions;
using Microsoft.AspNetCore.Builder;

namespace Craftsman.Silo;

/// <summary>A stand-alone silo (cluster mode). A class of its own rather than top-level statements, so it is not the gateway's <c>Program</c>.</summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        // Polly logs every placement attempt at Information; Orleans 10.4.2's watchdog warns of a "deadlock"
        // on most starts (its first platform check can run before the component check's clock is set).
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.AddCraftsmanSiloHost();

        var app = builder.Build();
        app.MapCraftsmanSiloEndpoints();
        await app.RunAsync();
    }
}
