namespace Craftsman.Gateway.Venue;

/// <summary>How the venue's tablets and phones reach the server (settings under "Craftsman").</summary>
public sealed class VenueOptions
{
    public const string Section = "Craftsman";

    /// <summary>
    /// The address printed on code cards and in QR codes, as the venue network reaches this server
    /// (e.g. http://192.168.1.10:5000). When absent, the address the console was opened on, or else
    /// the first non-loopback address the server listens on.
    /// </summary>
    public string? PublicUrl { get; set; }

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
}

/// <summary>Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed; none by default.</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>The proxies' own addresses (e.g. 10.0.0.2); only requests from these may name another client.</summary>
    public string[] KnownProxies { get; set; } = [];
}
