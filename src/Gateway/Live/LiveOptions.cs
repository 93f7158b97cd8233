using System.ComponentModel.DataAnnotations;

namespace Craftsman.Gateway.Live;

/// <summary>The "Craftsman:Live" configuration section.</summary>
public sealed class LiveOptions
{
    public const string Section = "Craftsman:Live";

    /// <summary>
    /// How often each subscription is renewed. Renewal is also how a gateway finds a contest that
    /// restarted on another silo and forgot it, so this bounds how long viewers may lag after a failure.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Open live-hub connections one client address may hold (0: no limit, e.g. for a load test from one machine).</summary>
    public int ConnectionsPerAddress { get; set; } = 50;

    /// <summary>A connection whose last push has not been written for this long is closed; its client resynchronises on reconnect.</summary>
    public TimeSpan StalledPushLimit { get; set; } = TimeSpan.FromSeconds(10);
}
