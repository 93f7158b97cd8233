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

    /// <summary>The contest as set up, as the audience may see it: real identities for the organiser, draw numbers for everyone else in a blind round.</summary>
    [Alias("GetDefinition")]
    Task<ContestDefinition?> GetDefinition(Audience audience);

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

    /// <summary>
    /// The standings as the audience may see them: the public's (frozen, revealing, blind, criteria
    /// counted once final) or, for everyone signed in, the panel's live board (never frozen).
    /// </summary>
    [Alias("GetBoard")]
    Task<Leaderboard> GetBoard(Audience audience);

    /// <summary>Where the round stands beyond its board: who checked in by draw number in a blind round, except for the organiser.</summary>
    [Alias("GetStatus")]
    Task<RoundStatus> GetStatus(Audience audience);

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

    /// <summary>
    /// The scoresheets the audience may see, in draw-number order with draw numbers in a blind round:
    /// all of them for the organiser, chief judge and arbitration group; a judge's own marks and the
    /// criteria's progress for a judge; none for the public and the encryption officer.
    /// </summary>
    [Alias("GetScoresheets")]
    Task<ImmutableArray<Scoresheet>> GetScoresheets(Audience audience);

    /// <summary>Every contestant's marking progress (no values), in draw-number order, for the panel's audiences; none for the public and the encryption officer.</summary>
    [Alias("GetProgress")]
    Task<ImmutableArray<ContestantProgress>> GetProgress(Audience audience);
}
