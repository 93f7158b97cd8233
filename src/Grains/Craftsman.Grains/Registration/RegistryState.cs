using System.Collections.Immutable;
using Craftsman.Contracts.Registration;

namespace Craftsman.Grains.Registration;

[GenerateSerializer, Immutable, Alias("craftsman.RegistryState")]
public sealed record RegistryState
{
    [Id(0)] public OpenCallWindow? Window { get; init; }
    [Id(1)] public ImmutableList<RegistrationRecord> Entries { get; init; } = [];

    /// <summary>How many contestant ids have been given; ids are never reused.</summary>
    [Id(2)] public int ContestantsNumbered { get; init; }
}
