using Craftsman.Gateway.Auth;

namespace Craftsman.Gateway.Venue;

/// <summary>
/// Once the server listens, prints what a person starting it needs first: the organiser password
/// (at first start), every address it serves on and the address code cards carry. Written to the
/// console itself, not through logging, so no log level hides it and nothing is interleaved.
/// </summary>
public sealed class StartupBanner(IHostApplicationLifetime lifetime, GatewaySecrets secrets, ServedAddresses addresses) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => Console.Out.Write(Text()));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public string Text()
    {
        var rule = new string('=', 72);
        var lines = new List<string> { "", rule, "  Craftsman is running." };
        if (secrets.GeneratedPassword is { } password)
        {
            lines.Add($"  Organiser password (shown this once): {password}");
            lines.Add($"    (set {AuthOptions.Section}:OrganiserPassword to choose your own)");
        }
        else if (secrets.PasswordFile is { } file)
        {
            lines.Add($"  Organiser password: the one printed at first start (delete {file} for a new one).");
        }
        else
        {
            lines.Add($"  Organiser password: as configured ({AuthOptions.Section}:OrganiserPassword).");
        }
        var served = addresses.All();
        lines.Add("  Serving on:");
        lines.AddRange(served.Select(a => $"    {a}/"));
        lines.Add(addresses.ConfiguredPublicUrl is { } url
            ? $"  Code cards and QR codes link to {url} ({VenueOptions.Section}:PublicUrl)."
            : $"  Code cards and QR codes link to the first of these another device can reach; set {VenueOptions.Section}:PublicUrl to choose.");
        if (served.Count > 0 && served.All(IsLoopbackOnly))
            lines.Add("  Only this machine can reach it: serve the venue network with ASPNETCORE_URLS=http://0.0.0.0:5000 (see README).");
        lines.Add(rule);
        lines.Add("");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static bool IsLoopbackOnly(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
