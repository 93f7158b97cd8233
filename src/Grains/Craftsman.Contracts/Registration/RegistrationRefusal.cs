namespace Craftsman.Contracts.Registration;

/// <summary>A refusal with its stable code, a readable message and, for a form, the field at fault.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RegistrationRefusal")]
public sealed record RegistrationRefusal(
    [property: Id(0)] RegistrationRefusalCode Code,
    [property: Id(1)] string Message,
    [property: Id(2)] string? Field = null);
