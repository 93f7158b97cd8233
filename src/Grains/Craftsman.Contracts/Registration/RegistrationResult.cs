namespace Craftsman.Contracts.Registration;

/// <summary>The entry as stored after a registration or a vetting decision, or the refusal (nothing stored).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RegistrationResult")]
public sealed record RegistrationResult(
    [property: Id(0)] RegistrationEntry? Entry,
    [property: Id(1)] RegistrationRefusal? Refusal);
