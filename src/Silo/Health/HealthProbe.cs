namespace Craftsman.Silo.Health;

/// <summary>The one row a silo's readiness probe writes (state "health_probe", one grain id per silo).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.HealthProbe")]
public sealed record HealthProbe([property: Id(0)] DateTimeOffset WrittenAt, [property: Id(1)] string Silo);
