using Craftsman.Silo.Extensions;
using Microsoft.AspNetCore.Builder;

namespace Craftsman.Silo;

/// <summary>A stand-alone silo (cluster mode). A class of its own rather than top-level statements, so it is not the gateway's <c>Program</c>.</summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCraftsmanSiloHost();

        var app = builder.Build();
        app.MapCraftsmanSiloEndpoints();
        await app.RunAsync();
    }
}
