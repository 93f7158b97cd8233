namespace Craftsman.Contracts.Registration;

/// <summary>What a registrant reads back with their receipt number and ID digits: their own entry's state only.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RegistrantStatus")]
public sealed record RegistrantStatus(
    [property: Id(0)] string ReceiptNumber,
    [property: Id(1)] RegistrationStatus Status,
    [property: Id(2)] string? RejectionReason,
    [property: Id(3)] DateTimeOffset SubmittedAt,
    [property: Id(4)] DateTimeOffset? DecidedAt);
