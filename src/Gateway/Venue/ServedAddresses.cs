using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Venue;

/// <summary>
/// Where this server can be reached: every address it listens on, with a wildcard
/// (0.0.0.0, [::], +, *) spelled out as this machine's own addresses, and the public address
/// that code cards carry.
/// </summary>
public sealed class ServedAddresses(IServer server, IOptions<VenueOptions> options)
{
    /// <summary>The configured public address, without a trailing slash; null when not configured.</summary>
    public string? ConfiguredPublicUrl => options.Value.PublicUrl is { Length: > 0 } url ? url.TrimEnd('/') : null;

    /// <summary>Every address served, loopback first (empty under a test server, which listens nowhere).</summary>
    public IReadOnlyList<string> All()
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return [.. listening.SelectMany(Expand).Distinct().OrderBy(a => IsLoopback(a) ? 0 : 1).ThenBy(a => a, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The base of every link that leaves this server on paper: the configured public address; else
    /// the address this request came in on, unless that is loopback (a card printed at the server
    /// would say localhost); else the first address another device could use.
    /// </summary>
    public string PublicBase(HttpRequest request)
    {
        if (ConfiguredPublicUrl is { } configured)
            return configured;
        var own = $"{request.Scheme}://{request.Host}{request.PathBase}";
        if (!IsLoopback(own))
            return own;
        return All().FirstOrDefault(a => !IsLoopback(a))?.TrimEnd('/') ?? own;
    }

    private static IEnumerable<string> Expand(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"), UriKind.Absolute, out var uri))
            return [address];
        if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) || !(ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
            return [uri.GetLeftPart(UriPartial.Authority)];
        var family = ip.AddressFamily;
        return MachineAddresses()
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork || family == AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal)
            .Select(a => new UriBuilder(uri.Scheme, a.ToString(), uri.Port).Uri.GetLeftPart(UriPartial.Authority));
    }

    private static IEnumerable<IPAddress> MachineAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address);

    private static bool IsLoopback(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
