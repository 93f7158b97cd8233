using Craftsman.Contracts.Registration;

namespace Craftsman.Grains.Registration;

/// <summary>One stored registration; <see cref="ContestantId"/> is given at its first acceptance and kept.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RegistrationRecord")]
public sealed record RegistrationRecord(
    [property: Id(0)] string ReceiptNumber,
    [property: Id(1)] RegistrationForm Form,
    [property: Id(2)] DateTimeOffset SubmittedAt,
    [property: Id(3)] RegistrationStatus Status,
    [property: Id(4)] string? RejectionReason,
    [property: Id(5)] DateTimeOffset? DecidedAt,
    [property: Id(6)] string? ContestantId);
