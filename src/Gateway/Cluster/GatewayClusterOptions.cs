using System.ComponentModel.DataAnnotations;
using Craftsman.Hosting.Settings;

namespace Craftsman.Gateway.Cluster;

/// <summary>The "Craftsman" section's settings with which a gateway reaches the cluster (the mode is <see cref="Hosting.Modes.CraftsmanOptions"/>).</summary>
public sealed class GatewayClusterOptions : IValidatableObject
{
    public const string Section = CraftsmanSettings.Root;

    /// <summary>In cluster mode, how the gateway finds silos.</summary>
    public ClusterDiscovery Clustering { get; set; } = ClusterDiscovery.AdoNet;

    /// <summary>For localhost clustering: the silos' gateway ports.</summary>
    public int[] GatewayPorts { get; set; } = [30000];

    /// <summary>Longest wait for one grain call before the caller gets a retryable error.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest pause between two attempts to connect to the cluster.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (GatewayPorts.Length == 0 || GatewayPorts.Any(p => p is < 1 or > 65535))
            yield return new ValidationResult("each port must be between 1 and 65535.", [nameof(GatewayPorts)]);
    }
}
