using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Grains.Scoring;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Craftsman.Grains.Contests;

public sealed class ContestGrain(
    [PersistentState("contest", StorageNames.Craftsman)] IPersistentState<ContestState> state,
    TimeProvider clock,
    ILogger<ContestGrain> logger)
    : Grain, IContestGrain
{
    /// <summary>How long a gateway's subscription lasts unless renewed.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IContestObserver> _observers = new(SubscriptionLifetime, logger);
    private Leaderboard? _leaderboard;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Definition is { } definition)
            await Reconcile(definition);
    }

    public async Task<string?> Setup(ContestDefinition definition)
    {
        if (state.State.Phase != RoundPhase.Draft)
            return $"The contest can be set up only in Draft; it is {state.State.Phase}.";
        if (definition.Contestants.Any(c => c.Occupation != definition.Occupation.Code)
            || definition.Panel.Any(j => j.Occupation != definition.Occupation.Code))
            return $"Every contestant and judge of the contest must belong to {definition.Occupation.Code}.";

        await Task.WhenAll(definition.Contestants.Select(c => Contestant(definition, c.Id).Enrol(c, definition.Scheme)));
        var unmarked = ContestantScore.From(ScoresheetCalculator.Calculate("", definition.Scheme, [], []));
        var scores = definition.Contestants.ToImmutableDictionary(c => c.Id, _ => unmarked);
        await Commit(state.State with { Definition = definition, Scores = scores });
        return null;
    }

    public Task<ContestDefinition?> GetDefinition() => Task.FromResult(state.State.Definition);

    public async Task<MarkOutcome> SubmitMark(MarkSubmission submission)
    {
        var current = state.State;
        var key = submission.IdempotencyKey ?? "";
        if (current.Accepted.TryGetValue(key, out var earlier))
            return earlier.Submission == submission
                ? earlier.Outcome
                : MarkOutcome.Reject(key, MarkRejectionCode.IdempotencyKeyReused, $"Idempotency key '{key}' was already used for another mark.");

        if (MarkValidator.Validate(current.Definition, current.Phase, submission) is { } invalid)
            return MarkOutcome.Reject(key, invalid.Code, invalid.Message);

        var recording = await Contestant(current.Definition!, submission.ContestantId).RecordMark(submission, clock.GetUtcNow());
        if (recording.Rejection is { } refused)
            return MarkOutcome.Reject(key, refused.Code, refused.Message);

        var version = current.Version + 1;
        var outcome = MarkOutcome.Accept(key, version, recording.IsCorrection);
        await Commit(current with
        {
            Version = version,
            Scores = current.Scores.SetItem(submission.ContestantId, ContestantScore.From(recording.Scoresheet)),
            Accepted = current.Accepted.Add(key, new AcceptedMark(submission, outcome)),
        });
        await Notify(recording.Scoresheet);
        return outcome;
    }

    public async Task<PhaseChange> MoveTo(RoundPhase target)
    {
        var current = state.State;
        if (current.Definition is null)
            return new PhaseChange(false, current.Phase, current.Version, "This occupation's contest has not been set up.");
        var now = clock.GetUtcNow();
        var windowClosesAt = current.PublishedAt?.AddMinutes(current.Definition.Edition.AppealWindowMinutes);
        if (RoundLifecycle.CheckTransition(current.Phase, target, current.OpenFlags, windowClosesAt, now) is { } error)
            return new PhaseChange(false, current.Phase, current.Version, error);

        await Commit(current with
        {
            Phase = target,
            Version = current.Version + 1,
            PublishedAt = target == RoundPhase.Published ? now : current.PublishedAt,
        });
        await Notify(null);
        return new PhaseChange(true, target, state.State.Version, null);
    }

    public Task<Leaderboard> GetLeaderboard() => Task.FromResult(_leaderboard ??= BuildLeaderboard(state.State));

    public async Task<ContestSummary> GetSummary()
    {
        var board = await GetLeaderboard();
        return new ContestSummary(this.GetPrimaryKeyString(), board.Phase, board.Version,
            board.Standings.Length, board.Standings.FirstOrDefault(), board.Arena);
    }

    public Task<Leaderboard> Subscribe(IContestObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return GetLeaderboard();
    }

    public Task Unsubscribe(IContestObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task<ImmutableArray<Scoresheet>> GetScoresheets()
    {
        if (state.State.Definition is not { } definition)
            return [];
        return [.. await Task.WhenAll(definition.Contestants.Select(c => Contestant(definition, c.Id).GetScoresheet()))];
    }

    private async Task Notify(Scoresheet? changed)
    {
        var update = new ContestUpdate(await GetLeaderboard(), changed);
        await _observers.Notify(o => o.ContestChanged(update));
    }

    private IContestantGrain Contestant(ContestDefinition definition, string contestantId) =>
        GrainFactory.GetGrain<IContestantGrain>(GrainKeys.Contestant(definition.Edition.Id, contestantId));

    // A mark is durable once its contestant grain has stored it; if this grain's own write was then
    // lost, its scores lag behind. Re-reading the scoresheets on activation closes that gap.
    private async Task Reconcile(ContestDefinition definition)
    {
        var sheets = await Task.WhenAll(definition.Contestants.Select(c => Contestant(definition, c.Id).GetScoresheet()));
        var scores = state.State.Scores;
        foreach (var sheet in sheets)
        {
            var fresh = ContestantScore.From(sheet);
            if (!scores.TryGetValue(sheet.ContestantId, out var known) || !known.SameAs(fresh))
                scores = scores.SetItem(sheet.ContestantId, fresh);
        }
        if (scores != state.State.Scores)
            await Commit(state.State with { Scores = scores, Version = state.State.Version + 1 });
    }

    private async Task Commit(ContestState next)
    {
        await state.CommitAsync(next with { UpdatedAt = clock.GetUtcNow() }, GrainContext);
        _leaderboard = null;
    }

    private Leaderboard BuildLeaderboard(ContestState s)
    {
        if (s.Definition is not { } definition)
            return new Leaderboard(this.GetPrimaryKeyString(), s.Version, s.Phase, [], new ArenaResult(ArenaOutcome.Pending, null), s.UpdatedAt);

        var entries = definition.Contestants.Select(c =>
        {
            var score = s.Scores.GetValueOrDefault(c.Id, ContestantScore.Empty);
            return new RankingEntry(c.Id, c.Name, c.Role, score.Composite, score.Modules, score.MarkCount, score.OpenFlags > 0);
        });
        var standings = Ranking.Rank(entries, s.Phase);
        var arena = ArenaRules.Decide(definition.Occupation.Mode, standings, definition.Edition.QualifyingScore);
        return new Leaderboard(definition.Occupation.Code, s.Version, s.Phase, [.. standings], arena, s.UpdatedAt);
    }
}
