using System.ComponentModel.DataAnnotations;
using Craftsman.Hosting.Settings;
using Orleans.Configuration;

namespace Craftsman.Hosting.Modes;

/// <summary>The settings directly under "Craftsman" that silos and gateways share.</summary>
public sealed class CraftsmanOptions
{
    public const string Section = CraftsmanSettings.Root;

    public CraftsmanMode Mode { get; set; } = CraftsmanMode.Embedded;

    /// <summary>Silos and gateways of one deployment must agree on this and on <see cref="ServiceId"/>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "use letters, digits, '.', '_' or '-'.")]
    public string ClusterId { get; set; } = "craftsman";

    [Required, RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "use letters, digits, '.', '_' or '-'.")]
    public string ServiceId { get; set; } = "craftsman";

    public void ConfigureIdentity(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }

    /// <summary>The root settings, validated now (the mode decides what the host is made of).</summary>
    public static CraftsmanOptions Read(IHostApplicationBuilder builder) =>
        builder.ReadCraftsmanSettings<CraftsmanOptions>(Section, CraftsmanSettings.RootKeys);
}
