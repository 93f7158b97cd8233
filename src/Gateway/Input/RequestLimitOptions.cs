namespace Craftsman.Gateway.Input;

/// <summary>The "Craftsman:Limits" configuration section: how much a caller may send and how often.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "Craftsman:Limits";

    /// <summary>The largest body of any request, whatever its transfer encoding (Kestrel's MaxRequestBodySize, and read with this limit).</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The largest JSON body: the sample edition is about 50 KB.</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest hub message (SignalR's MaximumReceiveMessageSize); a mark is about 200 bytes.</summary>
    public long MaxHubMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Requests per minute per client address from callers who have not signed in.</summary>
    public int AnonymousRequestsPerMinute { get; set; } = 600;
}
