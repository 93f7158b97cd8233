using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Craftsman.Contracts.Analytics;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Errors;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.Stages;
using Craftsman.Grains.Storage;
using Craftsman.Rules.Ledger;
using Craftsman.Rules.Round;
using Craftsman.Rules.Scoring;
using Craftsman.Rules.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Craftsman.Grains.Contests;

/// <summary>
/// One occupation's round: intake and dispatch. Marks and commands are decided by the rules
/// (<see cref="MarkIntake"/>, <see cref="RoundWorkflow"/>), appended to the ledger in one durable
/// write, and only then applied (by <see cref="RoundReplay"/>, which also rebuilds the round on
/// activation), answered and pushed. The ledger is the only durable record of the round.
/// </summary>
public sealed class ContestGrain(
    [PersistentState("draws", StorageNames.Craftsman)] IPersistentState<SealedDraws> draws,
    ILedgerStore store,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock,
    ILogger<ContestGrain> logger)
    : Grain, IContestGrain
{
    /// <summary>How long a gateway's subscription lasts unless renewed.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IContestObserver> _observers = new(SubscriptionLifetime, logger);
    private RoundState _round = null!;
    private ImmutableList<LedgerEntry> _ledger = [];
    private long _lastPushed;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ledger = [.. await store.ReadAsync(Key, cancellationToken)];
        var envelopes = draws.State.Envelopes.ToImmutableDictionary(
            e => e.Key, e => new DrawEnvelope(e.Value.Salt, e.Value.Numbers));
        _round = RoundReplay.Build(Key, _ledger, envelopes);
        // 0: what this activation pushed before is unknown, so a gateway's first push after it resynchronises.
        _lastPushed = 0;
    }

    public async Task<string?> Setup(ContestDefinition definition)
    {
        if (_round.Phase != RoundPhase.Draft)
            return $"The contest can be set up only in Draft; it is {_round.Phase}.";
        if (definition.Contestants.Any(c => c.Occupation != definition.Occupation.Code)
            || definition.Panel.Any(j => j.Occupation != definition.Occupation.Code))
            return $"Every contestant and judge of the contest must belong to {definition.Occupation.Code}.";
        // A re-import of the same edition must not grow the ledger with identical set-ups.
        if (_round.Definition is { } current && Same(current, definition))
            return null;
        await Append([LedgerChain.Next(_round.LedgerEnd, clock.GetUtcNow(), LedgerKinds.ContestSetUp, "organiser", definition)], null);
        return null;
    }

    public Task<ContestDefinition?> GetDefinition(Audience audience) => Task.FromResult(RoundViews.Definition(_round, audience));

    public async Task<MarkOutcome> SubmitMark(MarkSubmission submission) => (await SubmitMarks([submission]))[0];

    public async Task<ImmutableArray<MarkOutcome>> SubmitMarks(ImmutableArray<MarkSubmission> submissions)
    {
        var batch = MarkIntake.Decide(_round, submissions, clock.GetUtcNow());
        if (batch.Entries.Count > 0)
        {
            var before = _round;
            await Append(batch.Entries, batch.Next);
            Feed(before, _round);
        }
        return [.. batch.Outcomes];
    }

    public async Task<CommandResult> Execute(Actor actor, ContestCommand command)
    {
        command = command switch
        {
            ReopenCriterion r => r with { ContestantId = Visibility.RealId(_round, r.ContestantId) },
            ConfirmCriterion c => c with { ContestantId = Visibility.RealId(_round, c.ContestantId) },
            CheckInContestant c => c with { ContestantId = Visibility.RealId(_round, c.ContestantId) },
            _ => command,
        };
        var now = clock.GetUtcNow();
        var decision = RoundWorkflow.Decide(_round, actor, command, now, Draw);
        if (!decision.Succeeded)
            return CommandResult.Refused(_round.Version, decision.Code!, decision.Error!);
        if (command is MoveRound && _round.Phase == RoundPhase.Draft && await FixStageDefinition() is { } notReady)
            return notReady;
        if (decision.Envelope is { } envelope)
        {
            // Sealed before the ledger names it: a crash in between leaves an unused envelope, never a draw without one.
            await draws.CommitAsync(draws.State with { Envelopes = draws.State.Envelopes.SetItem(envelope.Commitment, new SealedDraw(envelope.Salt, envelope.Numbers)) }, GrainContext);
            _round = _round with { Envelopes = _round.Envelopes.SetItem(envelope.Commitment, envelope) };
        }
        await Append([LedgerChain.Next(_round.LedgerEnd, now, decision.Kind!, actor.Id, decision.Data!)], null);
        return CommandResult.Done(_round.Version);
    }

    public Task<Leaderboard> GetBoard(Audience audience) => Task.FromResult(RoundViews.Board(_round, audience));

    public Task<RoundStatus> GetStatus(Audience audience) => Task.FromResult(RoundViews.Status(_round, audience));

    public Task<ImmutableList<LedgerEntry>> GetLedger() => Task.FromResult(_ledger);

    public Task<ContestSummary> GetSummary()
    {
        var board = RoundBoards.Public(_round);
        return Task.FromResult(new ContestSummary(Key, board.Phase, board.Version, _round.Definition?.Contestants.Length ?? 0,
            board.Withheld > 0 ? null : board.Standings.FirstOrDefault(s => s.Rank > 0), board.Arena));
    }

    public Task<ContestUpdate> Subscribe(IContestObserver observer)
    {
        _observers.Subscribe(observer, observer);
        // A subscription's answer carries no changed sheets, so it follows nothing (0).
        return Task.FromResult(RoundViews.Push(_round, [], follows: 0));
    }

    public Task Unsubscribe(IContestObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<Scoresheet>> GetScoresheets(Audience audience) => Task.FromResult(RoundViews.Scoresheets(_round, audience));

    public Task<ImmutableArray<ContestantProgress>> GetProgress(Audience audience) => Task.FromResult(RoundViews.Progress(_round, audience));

    public Task<OccupationAnalytics> GetJudgeAnalytics()
    {
        var occupation = StageKey.Parse(Key).OccupationCode;
        return Task.FromResult(_round.Definition is { } d
            ? new OccupationAnalytics(occupation, [.. JudgeAnalytics.Compute(occupation, d.Scheme, _round.Sheets.Values)])
            : new OccupationAnalytics(occupation, []));
    }

    public Task<Scoresheet?> GetScoresheetOf(string contestantId) => Task.FromResult(_round.Sheets.GetValueOrDefault(contestantId));

    /// <summary>
    /// The one durable write of every change. Until it returns nothing of it is in the round; if it
    /// fails, whether it reached the disk is unknown, so the activation retires and the next call
    /// replays what the store really holds (a resend then finds its key, or is decided anew).
    /// </summary>
    private async Task Append(IReadOnlyList<LedgerEntry> entries, RoundState? next)
    {
        try
        {
            await store.AppendAsync(Key, _round.Version, entries);
        }
        catch (Exception e)
        {
            this.DeactivateOnIdle();
            if (e is LedgerConflictException)
                throw new StorageUnavailableException($"The ledger of {Key} moved on elsewhere; nothing was saved by this call. Retry shortly.");
            throw;
        }
        _ledger = _ledger.AddRange(entries);
        _round = next is { } decided && decided.Version == entries[^1].Sequence
            ? decided
            : entries.Aggregate(_round, RoundReplay.Apply);
        await Push(entries.Where(e => e.Kind == LedgerKinds.Mark).Select(e => Visibility.RealId(_round, LedgerMark.Read(e).Contestant)).Distinct());
    }

    private Task Push(IEnumerable<string> changedContestants)
    {
        var update = RoundViews.Push(_round, changedContestants, follows: _lastPushed);
        _lastPushed = _round.Version;
        return _observers.Notify(o => o.ContestChanged(update));
    }

    /// <summary>The contestants' own records follow the committed ledger, after the answer: never on the acknowledgement path.</summary>
    private void Feed(RoundState before, RoundState after)
    {
        if (after.Definition is not { } definition)
            return;
        foreach (var (id, sheet) in after.Sheets.Where(s => !ReferenceEquals(before.Sheets.GetValueOrDefault(s.Key), s.Value)))
            GrainFactory.GetGrain<IContestantGrain>(GrainKeys.Contestant(definition.Edition.Id, id)).Observe(Key, after.Version, sheet).Ignore();
    }

    /// <summary>
    /// A stage's round takes its contestants when it leaves Draft (the open call's accepted
    /// entrants, those advanced from the stage before): asked of the occupation's stages, set up
    /// if changed; nothing for an occupation without stages. Null when the round may go on.
    /// </summary>
    private async Task<CommandResult?> FixStageDefinition()
    {
        var key = StageKey.Parse(Key);
        if (key.EditionId.Length == 0)
            return null;
        var setUp = await GrainFactory.GetGrain<IStageGrain>(key.OccupationKey).SetUpFor(key.StageId);
        if (setUp.Refusal is { } refusal)
            return CommandResult.Refused(_round.Version, refusal.Code.ToString(), refusal.Message);
        return setUp.Definition is { } definition && await Setup(definition) is { } error
            ? CommandResult.Refused(_round.Version, "StageNotReady", error)
            : null;
    }

    private static DrawEnvelope Draw(IReadOnlyList<string> contestants)
    {
        var numbers = Enumerable.Range(1, contestants.Count).ToArray();
        RandomNumberGenerator.Shuffle(numbers.AsSpan());
        return new DrawEnvelope(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            contestants.Select((id, i) => KeyValuePair.Create(id, numbers[i])).ToImmutableDictionary());
    }

    private static bool Same(ContestDefinition a, ContestDefinition b) =>
        JsonSerializer.Serialize(a, LedgerChain.DataJson) == JsonSerializer.Serialize(b, LedgerChain.DataJson);
}
