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
}
