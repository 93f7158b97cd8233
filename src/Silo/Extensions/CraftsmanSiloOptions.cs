using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Craftsman.Silo.Extensions;

/// <summary>The "Craftsman:Silo" configuration section.</summary>
public sealed class CraftsmanSiloOptions : IValidatableObject
{
    public const string Section = "Craftsman:Silo";

    /// <summary>The embedded store's SQLite file; relative paths are resolved from the working directory.</summary>
    [Required]
    public string DatabasePath { get; set; } = Path.Combine("data", "craftsman.db");

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// A stand-alone silo's HTTP port for /health/live, /health/ready, /metrics and the backup API,
    /// used when ASP.NET Core's own <c>Urls</c> is not set. Unused when a gateway co-hosts the silo.
    /// </summary>
    [Range(1, 65535)]
    public int HttpPort { get; set; } = 5100;

    /// <summary>Cluster mode: the address other silos and gateways reach this silo on.</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Longest wait for the readiness probe's write before the silo reports itself not ready.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HealthProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Cluster mode in Kubernetes: Orleans' Kubernetes hosting takes the silo's name, address and
    /// cluster identity from the pod (deploy/k8s/silo.yaml) and deletes the pods of dead silos.
    /// </summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>Load the bundled sample edition when the store holds no edition yet.</summary>
    public bool SeedSampleEdition { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedAddress, out _))
            yield return new ValidationResult("must be an IP address.", [nameof(AdvertisedAddress)]);
        if (SiloPort == GatewayPort)
            yield return new ValidationResult($"must differ from {Section}:{nameof(SiloPort)}.", [nameof(GatewayPort)]);
    }
}
