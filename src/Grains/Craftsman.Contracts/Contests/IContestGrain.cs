using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Marking;

namespace Craftsman.Contracts.Contests;

/// <summary>
/// One occupation's contest, keyed "{editionId}/{occupationCode}". It is the single point through
/// which marks and phase changes of the round pass, so the two are always in one order.
/// </summary>
[Alias("craftsman.IContestGrain")]
public interface IContestGrain : IGrainWithStringKey
{
    /// <summary>Sets up (or replaces, while still in Draft) the scheme, contestants and panel.</summary>
    [Alias("Setup")]
    Task<string?> Setup(ContestDefinition definition);

    [Alias("GetDefinition")]
    Task<ContestDefinition?> GetDefinition();

    [Alias("SubmitMark")]
    Task<MarkOutcome> SubmitMark(MarkSubmission submission);

    [Alias("MoveTo")]
    Task<PhaseChange> MoveTo(RoundPhase target);

    [Alias("GetLeaderboard")]
    Task<Leaderboard> GetLeaderboard();

    [Alias("GetSummary")]
    Task<ContestSummary> GetSummary();

    /// <summary>
    /// Adds or renews a gateway's subscription. Subscriptions expire unless renewed, so a gateway
    /// that died is forgotten and one that outlived a silo restart subscribes again by renewing.
    /// </summary>
    /// <returns>The current leaderboard, so a renewing gateway can tell whether it missed a change.</returns>
    [Alias("Subscribe")]
    Task<Leaderboard> Subscribe(IContestObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IContestObserver observer);

    [Alias("GetScoresheets")]
    Task<ImmutableArray<Scoresheet>> GetScoresheets();
}
