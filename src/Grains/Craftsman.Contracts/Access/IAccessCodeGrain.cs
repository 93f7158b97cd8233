using System.Collections.Immutable;

namespace Craftsman.Contracts.Access;

/// <summary>
/// The judges' access codes of one edition, keyed by edition id. Only a hash of each code is
/// kept, so the plain code exists once: in the organiser's answer, to be printed.
/// </summary>
[Alias("craftsman.IAccessCodeGrain")]
public interface IAccessCodeGrain : IGrainWithStringKey
{
    /// <summary>Issues a fresh code for each judge (replacing any earlier one) and returns the plain codes.</summary>
    [Alias("Issue")]
    Task<ImmutableArray<IssuedAccessCode>> Issue(ImmutableArray<string> judgeIds);

    [Alias("Revoke")]
    Task<bool> Revoke(string judgeId);

    /// <summary>The holder a code belongs to and its generation, or null for an unknown or revoked code.</summary>
    [Alias("Redeem")]
    Task<AccessSession?> Redeem(string code);

    /// <summary>
    /// Adds or renews a gateway's subscription (it expires unless renewed) and answers the current
    /// generations; every later issue or revoke is pushed to the observer.
    /// </summary>
    [Alias("Subscribe")]
    Task<AccessGenerations> Subscribe(IAccessObserver observer);

    [Alias("List")]
    Task<ImmutableArray<AccessCodeStatus>> List();
}
