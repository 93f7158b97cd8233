namespace Craftsman.Contracts.Registration;

/// <summary>What an entrant fills in on the open call's page (报名表).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RegistrationForm")]
public sealed record RegistrationForm(
    [property: Id(0)] string Name,
    [property: Id(1)] string Employer,
    [property: Id(2)] string Contact,
    [property: Id(3)] string IdLast4,
    [property: Id(4)] string Statement);
