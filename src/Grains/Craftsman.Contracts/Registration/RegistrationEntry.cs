using System.Collections.Immutable;

namespace Craftsman.Contracts.Registration;

/// <summary>
/// One registration as the office sees it, personal data included: never sent to the public.
/// <see cref="Duplicates"/> names the other entries for the same person (normalised name, ID
/// digits and employer); <see cref="ContestantId"/> is set once the entry was first accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.RegistrationEntry")]
public sealed record RegistrationEntry(
    [property: Id(0)] string ReceiptNumber,
    [property: Id(1)] RegistrationForm Form,
    [property: Id(2)] DateTimeOffset SubmittedAt,
    [property: Id(3)] RegistrationStatus Status,
    [property: Id(4)] string? RejectionReason,
    [property: Id(5)] DateTimeOffset? DecidedAt,
    [property: Id(6)] string? ContestantId,
    [property: Id(7)] ImmutableArray<string> Duplicates);
