using System.Collections.Immutable;
using Craftsman.Contracts.Analytics;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Marking;

namespace Craftsman.Contracts.Contests;

/// <summary>
/// One occupation's contest, keyed "{editionId}/{occupationCode}". It is the single point through
/// which the round's marks and workflow pass, so they are always in one order. In a blind round,
/// until publication, everything it answers names contestants by draw number.
/// </summary>
[Alias("craftsman.IContestGrain")]
public interface IContestGrain : IGrainWithStringKey
{
    /// <summary>Sets up (or replaces, while still in Draft) the scheme, contestants and panel.</summary>
    [Alias("Setup")]
    Task<string?> Setup(ContestDefinition definition);

    /// <summary>The contest as set up, with real identities: for the edition and the organiser's tools.</summary>
    [Alias("GetDefinition")]
    Task<ContestDefinition?> GetDefinition();

    /// <summary>The contest as the panel's tablets may see it (draw numbers in a blind round).</summary>
    [Alias("GetPanelDefinition")]
    Task<ContestDefinition?> GetPanelDefinition();

    [Alias("SubmitMark")]
    Task<MarkOutcome> SubmitMark(MarkSubmission submission);

    /// <summary>
    /// Several marks in one durable write, each with its own outcome and version, in the order
    /// given. Nothing is acknowledged unless stored: if storage fails the call fails as a whole, and
    /// a resend with the same keys returns what was stored.
    /// </summary>
    [Alias("SubmitMarks")]
    Task<ImmutableArray<MarkOutcome>> SubmitMarks(ImmutableArray<MarkSubmission> submissions);

    /// <summary>Applies a workflow command for the actor, or refuses it with nothing changed.</summary>
    [Alias("Execute")]
    Task<CommandResult> Execute(Actor actor, ContestCommand command);

    /// <summary>The live standings (judges and organiser): never frozen.</summary>
    [Alias("GetLeaderboard")]
    Task<Leaderboard> GetLeaderboard();

    /// <summary>The standings as the public may see them: frozen, revealing, blind as the round requires.</summary>
    [Alias("GetPublicBoard")]
    Task<Leaderboard> GetPublicBoard();

    [Alias("GetStatus")]
    Task<RoundStatus> GetStatus();

    /// <summary>The round's status as the panel may see it: who checked in by draw number in a blind round.</summary>
    [Alias("GetPanelStatus")]
    Task<RoundStatus> GetPanelStatus();

    [Alias("GetLedger")]
    Task<ImmutableList<LedgerEntry>> GetLedger();

    [Alias("GetSummary")]
    Task<ContestSummary> GetSummary();

    /// <summary>
    /// Adds or renews a gateway's subscription. Subscriptions expire unless renewed, so a gateway
    /// that died is forgotten and one that outlived a silo restart subscribes again by renewing.
    /// </summary>
    /// <returns>The current update, so a renewing gateway can tell whether it missed a change.</returns>
    [Alias("Subscribe")]
    Task<ContestUpdate> Subscribe(IContestObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IContestObserver observer);

    /// <summary>One contestant's scoresheet with real identities: what the contestant's own record is rebuilt from.</summary>
    [Alias("GetScoresheetOf")]
    Task<Scoresheet?> GetScoresheetOf(string contestantId);

    /// <summary>How each judge of the panel marks compared with the panel, for the organiser (judges named, contestants not).</summary>
    [Alias("GetJudgeAnalytics")]
    Task<OccupationAnalytics> GetJudgeAnalytics();

    /// <summary>Every contestant's scoresheet, in draw-number order with draw numbers in a blind round.</summary>
    [Alias("GetScoresheets")]
    Task<ImmutableArray<Scoresheet>> GetScoresheets();
}
