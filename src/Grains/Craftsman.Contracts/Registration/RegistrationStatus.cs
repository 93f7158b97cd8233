namespace Craftsman.Contracts.Registration;

[GenerateSerializer, Alias("craftsman.RegistrationStatus")]
public enum RegistrationStatus
{
    /// <summary>Received, not yet vetted by the office.</summary>
    Pending = 0,

    /// <summary>Accepted: a challenger of the occupation's selection stage.</summary>
    Accepted = 1,

    /// <summary>Rejected with a reason the registrant can read.</summary>
    Rejected = 2,
}
