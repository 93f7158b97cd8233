using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Grains.Ledger;
using Craftsman.Grains.Scoring;
using Craftsman.Grains.Workflow;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Craftsman.Grains.Contests;

public sealed class ContestGrain(
    [PersistentState("contest", StorageNames.Craftsman)] IPersistentState<ContestState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock,
    ILogger<ContestGrain> logger)
    : Grain, IContestGrain
{
    /// <summary>How long a gateway's subscription lasts unless renewed.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IContestObserver> _observers = new(SubscriptionLifetime, logger);
    private Leaderboard? _leaderboard;

    private ContestState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Definition is { } definition)
            await Reconcile(definition);
    }

    public async Task<string?> Setup(ContestDefinition definition)
    {
        if (S.Phase != RoundPhase.Draft)
            return $"The contest can be set up only in Draft; it is {S.Phase}.";
        if (definition.Contestants.Any(c => c.Occupation != definition.Occupation.Code)
            || definition.Panel.Any(j => j.Occupation != definition.Occupation.Code))
            return $"Every contestant and judge of the contest must belong to {definition.Occupation.Code}.";

        await Task.WhenAll(definition.Contestants.Select(c => Contestant(definition, c.Id).Enrol(c, definition.Scheme)));
        var unmarked = ContestantScore.From(ScoresheetCalculator.Calculate("", definition.Scheme, [], []));
        var scores = definition.Contestants.ToImmutableDictionary(c => c.Id, _ => unmarked);
        await Commit(S with { Definition = definition, Scores = scores }, LedgerKinds.ContestSetUp, "organiser", definition);
        return null;
    }

    public Task<ContestDefinition?> GetDefinition() => Task.FromResult(S.Definition);

    public Task<ContestDefinition?> GetPanelDefinition() =>
        Task.FromResult(S.Definition is { } d ? Visibility.Mask(S, d) : null);

    public async Task<MarkOutcome> SubmitMark(MarkSubmission submission)
    {
        var current = S;
        var key = submission.IdempotencyKey ?? "";
        if (current.Accepted.TryGetValue(key, out var earlier))
            return earlier.Submission == submission
                ? earlier.Outcome
                : MarkOutcome.Reject(key, MarkRejectionCode.IdempotencyKeyReused, $"Idempotency key '{key}' was already used for another mark.");

        // Tablets in a blind round only know draw numbers; the contest alone holds the mapping.
        var mark = submission with { ContestantId = Visibility.ResolveContestant(current, submission.ContestantId ?? "") };
        var reopened = current.Reopened.TryGetValue(ContestState.CriterionKey(mark.ContestantId, mark.CriterionId ?? ""), out var judges)
            && judges.Contains(mark.JudgeId) && current.Phase is RoundPhase.Review or RoundPhase.Published;
        if (MarkValidator.Validate(current.Definition, current.Phase, mark, reopened) is { } invalid)
            return MarkOutcome.Reject(key, invalid.Code, invalid.Message);

        var recording = await Contestant(current.Definition!, mark.ContestantId).RecordMark(mark, clock.GetUtcNow());
        if (recording.Rejection is { } refused)
            return MarkOutcome.Reject(key, refused.Code, refused.Message);

        var version = current.Version + 1;
        var outcome = MarkOutcome.Accept(key, version, recording.IsCorrection);
        var next = current with
        {
            Scores = current.Scores.SetItem(mark.ContestantId, ContestantScore.From(recording.Scoresheet)),
            Accepted = current.Accepted.Add(key, new AcceptedMark(submission, outcome)),
        };
        await Commit(next, LedgerKinds.Mark, mark.JudgeId, new
        {
            judge = mark.JudgeId,
            contestant = Visibility.Masked(current) ? Visibility.MaskedId(current, mark.ContestantId) : mark.ContestantId,
            criterion = mark.CriterionId,
            value = mark.Value,
            key,
            correction = recording.IsCorrection,
        });
        await Notify(recording.Scoresheet);
        return outcome;
    }

    public async Task<CommandResult> Execute(Actor actor, ContestCommand command)
    {
        command = command switch
        {
            ReopenCriterion r => r with { ContestantId = Visibility.ResolveContestant(S, r.ContestantId) },
            ConfirmCriterion c => c with { ContestantId = Visibility.ResolveContestant(S, c.ContestantId) },
            _ => command,
        };
        var result = RoundWorkflow.Apply(S, actor, command, await GetLeaderboardUnmasked(), clock.GetUtcNow(), Shuffle);
        if (!result.Succeeded)
            return CommandResult.Refused(S.Version, result.Code!, result.Error!);
        await Commit(result.Next!, result.Kind!, actor.Id, result.Data!);
        await Notify(null);
        return CommandResult.Done(S.Version);
    }

    public async Task<Leaderboard> GetLeaderboard() => Visibility.Mask(S, await GetLeaderboardUnmasked());

    public async Task<Leaderboard> GetPublicBoard() => Visibility.PublicBoard(S, await GetLeaderboardUnmasked());

    public Task<RoundStatus> GetStatus() => Task.FromResult(new RoundStatus(
        S.Definition?.Occupation.Code ?? this.GetPrimaryKeyString(), S.Phase, S.Version, S.Blind,
        S.DrawNumbers.Count > 0, [.. S.CheckedIn], Visibility.OpenFlags(S),
        [.. S.Reopened.Select(r => (Key: r.Key.Split('|'), Judges: r.Value)).Select(r => new ReopenedCriterion(
            Visibility.Masked(S) ? Visibility.MaskedId(S, r.Key[0]) : r.Key[0], r.Key[1], r.Judges))],
        [.. S.RevealApprovals], S.SignedOffBy, S.SignedOffAt, S.FrozenBoard is not null, S.RevealedFromBottom,
        S.ObjectionWindowClosesAt, [.. S.Appeals], LedgerChain.Head(S.Ledger), S.TitleHolderId));

    public async Task<RoundStatus> GetPanelStatus() => Visibility.Mask(S, await GetStatus());

    public Task<ImmutableList<LedgerEntry>> GetLedger() => Task.FromResult(S.Ledger);

    public async Task<ContestSummary> GetSummary()
    {
        var board = await GetPublicBoard();
        return new ContestSummary(this.GetPrimaryKeyString(), board.Phase, board.Version,
            S.Definition?.Contestants.Length ?? 0, board.Withheld > 0 ? null : board.Standings.FirstOrDefault(), board.Arena);
    }

    public async Task<ContestUpdate> Subscribe(IContestObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return await CurrentUpdate(null);
    }

    public Task Unsubscribe(IContestObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task<ImmutableArray<Scoresheet>> GetScoresheets()
    {
        if (S.Definition is not { } definition)
            return [];
        var sheets = await Task.WhenAll(definition.Contestants.Select(c => Contestant(definition, c.Id).GetScoresheet()));
        return [.. sheets.Select(sheet => Visibility.Mask(S, sheet))];
    }

    private async Task<ContestUpdate> CurrentUpdate(Scoresheet? changed) =>
        new(await GetLeaderboard(), changed is null ? null : Visibility.Mask(S, changed), await GetPublicBoard());

    private async Task Notify(Scoresheet? changed)
    {
        var update = await CurrentUpdate(changed);
        await _observers.Notify(o => o.ContestChanged(update));
    }

    private IContestantGrain Contestant(ContestDefinition definition, string contestantId) =>
        GrainFactory.GetGrain<IContestantGrain>(GrainKeys.Contestant(definition.Edition.Id, contestantId));

    // A mark is durable once its contestant grain has stored it; if this grain's own write was then
    // lost, its scores lag behind. Re-reading the scoresheets on activation closes that gap.
    private async Task Reconcile(ContestDefinition definition)
    {
        var sheets = await Task.WhenAll(definition.Contestants.Select(c => Contestant(definition, c.Id).GetScoresheet()));
        var scores = S.Scores;
        foreach (var sheet in sheets)
        {
            var fresh = ContestantScore.From(sheet);
            if (!scores.TryGetValue(sheet.ContestantId, out var known) || !known.SameAs(fresh))
                scores = scores.SetItem(sheet.ContestantId, fresh);
        }
        if (scores != S.Scores)
            await Commit(S with { Scores = scores }, LedgerKinds.Reconciled, "system", new { reconciled = sheets.Select(s => s.ContestantId) });
    }

    /// <summary>Every change is one write: the new state, one version higher, with its ledger entry appended.</summary>
    private async Task Commit(ContestState next, string kind, string actor, object data)
    {
        var now = clock.GetUtcNow();
        await state.CommitAsync(next with
        {
            Version = S.Version + 1,
            UpdatedAt = now,
            Ledger = LedgerChain.Append(next.Ledger, now, kind, actor, data),
        }, GrainContext);
        _leaderboard = null;
    }

    private Task<Leaderboard> GetLeaderboardUnmasked() => Task.FromResult(_leaderboard ??= BuildLeaderboard(S));

    private static int[] Shuffle(int count)
    {
        var numbers = Enumerable.Range(0, count).ToArray();
        RandomNumberGenerator.Shuffle(numbers.AsSpan());
        return numbers;
    }

    private Leaderboard BuildLeaderboard(ContestState s)
    {
        if (s.Definition is not { } definition)
            return new Leaderboard(this.GetPrimaryKeyString(), s.Version, s.Phase, [], new ArenaResult(ArenaOutcome.Pending, null), s.UpdatedAt);

        var entries = definition.Contestants.Select(c =>
        {
            var score = s.Scores.GetValueOrDefault(c.Id, ContestantScore.Empty);
            var openFlag = score.Flagged.Any(f => !s.Confirmed.ContainsKey(ContestState.CriterionKey(c.Id, f.CriterionId)));
            return new RankingEntry(c.Id, c.Name, c.Role, score.Composite, score.Modules, score.MarkCount, openFlag);
        });
        var standings = Ranking.Rank(entries, s.Phase);
        var arena = ArenaRules.Decide(definition.Occupation.Mode, standings, definition.Edition.QualifyingScore);
        return new Leaderboard(definition.Occupation.Code, s.Version, s.Phase, [.. standings], arena, s.UpdatedAt);
    }
}
