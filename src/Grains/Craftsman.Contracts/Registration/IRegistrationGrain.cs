using System.Collections.Immutable;
using Craftsman.Contracts.People;

namespace Craftsman.Contracts.Registration;

/// <summary>
/// One occupation's open call, keyed like its contest ("{editionId}/{occupationCode}"): the window,
/// the registrations, the office's vetting, and the accepted entrants as the selection stage's
/// challengers. It answers personal data to whoever calls; the gateway lets only the office ask.
/// </summary>
[Alias("craftsman.IRegistrationGrain")]
public interface IRegistrationGrain : IGrainWithStringKey
{
    /// <summary>Sets (or moves) the window; entries already received stay.</summary>
    [Alias("SetWindow")]
    Task<RegistrationRefusal?> SetWindow(OpenCallWindow window);

    /// <summary>Stores a registration and answers its receipt, or refuses it with nothing stored.</summary>
    [Alias("Register")]
    Task<RegistrationResult> Register(RegistrationForm form);

    /// <summary>The registrant's own status; a wrong receipt or wrong ID digits answer null alike.</summary>
    [Alias("GetRegistrantStatus")]
    Task<RegistrantStatus?> GetRegistrantStatus(string receiptNumber, string idLast4);

    [Alias("GetSummary")]
    Task<OpenCallSummary> GetSummary();

    /// <summary>Every entry in the order received, with the duplicates of each: for the office.</summary>
    [Alias("GetEntries")]
    Task<ImmutableArray<RegistrationEntry>> GetEntries();

    /// <summary>Accepts or rejects one entry; a decision may be corrected later.</summary>
    [Alias("Vet")]
    Task<RegistrationResult> Vet(string receiptNumber, VettingDecision decision);

    /// <summary>The accepted entrants as the selection stage's challengers, in the order they registered.</summary>
    [Alias("GetAccepted")]
    Task<ImmutableArray<Contestant>> GetAccepted();
}
