namespace Craftsman.Contracts.Registration;

/// <summary>Why the open call refused a registration, a status enquiry or a vetting decision.</summary>
[GenerateSerializer, Alias("craftsman.RegistrationRefusalCode")]
public enum RegistrationRefusalCode
{
    FieldRequired = 0,
    FieldTooLong = 1,
    FieldInvalid = 2,
    IdLast4Invalid = 3,
    ContactInvalid = 4,

    /// <summary>The office has not opened the call, or it opens later.</summary>
    CallNotOpen = 5,

    CallClosed = 6,

    /// <summary>The registry holds as many entries as one occupation may have.</summary>
    RegistryFull = 7,

    /// <summary>No entry has this receipt number with these ID digits (the two are never told apart).</summary>
    ReceiptNotFound = 8,

    /// <summary>A rejection must say why.</summary>
    ReasonRequired = 9,

    /// <summary>Another entry for the same person (name, ID digits, employer) is already accepted.</summary>
    DuplicateOfAccepted = 10,

    /// <summary>A window must close after it opens.</summary>
    WindowInvalid = 11,
}
