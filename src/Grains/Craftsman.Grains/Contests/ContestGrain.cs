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

    /// <summary>Entries kept in the contest's own state before they move to a segment grain.</summary>
    public const int LedgerSegmentSize = 32;

    private readonly ObserverManager<IContestObserver> _observers = new(SubscriptionLifetime, logger);
    private Leaderboard? _leaderboard;
    private Dictionary<string, AcceptedMark>? _sealedMarks;
    private long _lastNotified;

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
        await Commit(S with { Definition = definition, Scores = scores }, [new LedgerItem(LedgerKinds.ContestSetUp, "organiser", definition)]);
        return null;
    }

    public Task<ContestDefinition?> GetDefinition() => Task.FromResult(S.Definition);

    public Task<ContestDefinition?> GetPanelDefinition() =>
        Task.FromResult(S.Definition is { } d ? Visibility.Mask(S, d) : null);

    public async Task<MarkOutcome> SubmitMark(MarkSubmission submission) => (await SubmitMarks([submission]))[0];

    public async Task<ImmutableArray<MarkOutcome>> SubmitMarks(ImmutableArray<MarkSubmission> submissions)
    {
        var sealedMarks = await SealedMarks();
        var current = S;
        var outcomes = new MarkOutcome?[submissions.Length];
        // A key seen earlier in this batch answers like the earlier submission once that one is decided.
        var firstWithKey = new Dictionary<string, int>();
        var toRecord = new Dictionary<string, List<(int Index, MarkSubmission Mark)>>();
        var remarks = new HashSet<int>();
        for (var i = 0; i < submissions.Length; i++)
        {
            var submission = submissions[i];
            var key = submission.IdempotencyKey ?? "";
            // Known keys answer first, before the phase is checked: a mark stored while the round was
            // live and resent after it closed was still saved.
            if (current.Accepted.TryGetValue(key, out var earlier) || sealedMarks.TryGetValue(key, out earlier))
            {
                outcomes[i] = SameMark(current, earlier.Submission, submission) ? earlier.Outcome : KeyReused(key);
                continue;
            }
            if (firstWithKey.ContainsKey(key))
                continue;
            firstWithKey[key] = i;

            // Tablets in a blind round only know draw numbers; the contest alone holds the mapping.
            var mark = submission with { ContestantId = Visibility.ResolveContestant(current, submission.ContestantId ?? "") };
            var reopened = current.Reopened.TryGetValue(ContestState.CriterionKey(mark.ContestantId, mark.CriterionId ?? ""), out var judges)
                && judges.Contains(mark.JudgeId) && current.Phase is RoundPhase.Review or RoundPhase.Published;
            if (MarkValidator.Validate(current.Definition, current.Phase, mark, reopened) is { } invalid)
            {
                outcomes[i] = MarkOutcome.Reject(key, invalid.Code, invalid.Message);
                continue;
            }
            if (reopened)
                remarks.Add(i);
            if (!toRecord.TryGetValue(mark.ContestantId, out var list))
                toRecord[mark.ContestantId] = list = [];
            list.Add((i, mark));
        }

        // Each contestant stores its marks in one write; contestants write side by side.
        var now = clock.GetUtcNow();
        var calls = toRecord.Select(async pair =>
        {
            var recorded = await Contestant(current.Definition!, pair.Key).RecordMarks([.. pair.Value.Select(p => p.Mark)], now);
            return (Marks: pair.Value, Recorded: recorded);
        }).ToList();
        try
        {
            await Task.WhenAll(calls);
        }
        catch
        {
            // Handled below: what was stored is still committed here, so a resend finds it.
        }

        var version = current.Version;
        var scores = current.Scores;
        var accepted = current.Accepted;
        var reopenedLeft = current.Reopened;
        var entries = new List<LedgerItem>();
        var changed = ImmutableArray.CreateBuilder<Scoresheet>();
        Exception? failure = null;
        foreach (var call in calls)
        {
            if (!call.IsCompletedSuccessfully)
            {
                failure ??= call.Exception!.GetBaseException();
                continue;
            }
            var (marks, recorded) = call.Result;
            for (var j = 0; j < marks.Count; j++)
            {
                var (index, mark) = marks[j];
                var recording = recorded.Recordings[j];
                var key = mark.IdempotencyKey ?? "";
                // A mark the contestant already holds but this contest does not (its write was lost
                // after the contestant's) is accepted now, like a new one.
                outcomes[index] = recording.Rejection is { } refused
                    ? MarkOutcome.Reject(key, refused.Code, refused.Message)
                    : MarkOutcome.Accept(key, 0, recording.IsCorrection);
            }
            if (recorded.Recordings.Any(r => r.Rejection is null))
            {
                scores = scores.SetItem(recorded.Scoresheet.ContestantId, ContestantScore.From(recorded.Scoresheet));
                changed.Add(recorded.Scoresheet);
            }
        }

        // Versions and ledger entries follow the order the marks were sent in.
        for (var i = 0; i < submissions.Length; i++)
        {
            var submission = submissions[i];
            if (outcomes[i] is not { Accepted: true } outcome || firstWithKey.GetValueOrDefault(submission.IdempotencyKey ?? "", -1) != i)
                continue;
            var contestant = Visibility.ResolveContestant(current, submission.ContestantId ?? "");
            if (remarks.Contains(i))
                reopenedLeft = RoundWorkflow.Remarked(reopenedLeft, contestant, submission.CriterionId ?? "", submission.JudgeId);
            outcomes[i] = outcome = outcome with { Version = ++version };
            accepted = accepted.Add(outcome.IdempotencyKey, new AcceptedMark(submission, outcome));
            entries.Add(new LedgerItem(LedgerKinds.Mark, submission.JudgeId, new LedgerMark(
                submission.JudgeId,
                Visibility.Masked(current) ? Visibility.MaskedId(current, contestant) : contestant,
                submission.CriterionId ?? "",
                submission.Value,
                outcome.IdempotencyKey,
                outcome.IsCorrection)));
        }

        if (entries.Count > 0)
        {
            await Commit(current with { Scores = scores, Accepted = accepted, Reopened = reopenedLeft }, entries);
            await Notify(changed.ToImmutable());
        }
        if (failure is not null)
            throw failure;

        // A repeated key within the batch: the same mark gets the first one's outcome, another mark is refused.
        for (var i = 0; i < submissions.Length; i++)
        {
            if (outcomes[i] is not null)
                continue;
            var key = submissions[i].IdempotencyKey ?? "";
            var first = firstWithKey[key];
            outcomes[i] = submissions[first] == submissions[i] ? outcomes[first] : KeyReused(key);
        }
        return [.. outcomes.Select(o => o!)];
    }

    /// <summary>
    /// Whether a resend carries the mark first sent under its key. A mark sealed in the ledger names
    /// its contestant as recorded then (a draw number while the round was blind), so either form counts.
    /// </summary>
    private static bool SameMark(ContestState s, MarkSubmission first, MarkSubmission again) =>
        first.JudgeId == again.JudgeId && first.CriterionId == again.CriterionId && first.Value == again.Value
        && (first.ContestantId == again.ContestantId
            || Visibility.ResolveContestant(s, first.ContestantId ?? "") == Visibility.ResolveContestant(s, again.ContestantId ?? ""));

    private static MarkOutcome KeyReused(string key) =>
        MarkOutcome.Reject(key, MarkRejectionCode.IdempotencyKeyReused, $"Idempotency key '{key}' was already used for another mark.");

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
        await Commit(result.Next!, [new LedgerItem(result.Kind!, actor.Id, result.Data!)]);
        await Notify([]);
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
        S.ObjectionWindowClosesAt, [.. S.Appeals], S.LedgerEnd.Hash, S.TitleHolderId,
        [.. S.AppealReopened.Select(key => key.Split('|')).Select(k => new AppealedCriterion(k[0], k[1]))]));

    public async Task<RoundStatus> GetPanelStatus() => Visibility.Mask(S, await GetStatus());

    public async Task<ImmutableList<LedgerEntry>> GetLedger() => [.. await SealedEntries(), .. S.Ledger];

    public async Task<ContestSummary> GetSummary()
    {
        var board = await GetPublicBoard();
        return new ContestSummary(this.GetPrimaryKeyString(), board.Phase, board.Version,
            S.Definition?.Contestants.Length ?? 0, board.Withheld > 0 ? null : board.Standings.FirstOrDefault(), board.Arena);
    }

    public async Task<ContestUpdate> Subscribe(IContestObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return await CurrentUpdate([]);
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

    private async Task<ContestUpdate> CurrentUpdate(ImmutableArray<Scoresheet> changed) =>
        new(await GetLeaderboard(), [.. changed.Select(sheet => Visibility.Mask(S, sheet))], await GetPublicBoard());

    private async Task Notify(ImmutableArray<Scoresheet> changed)
    {
        var update = await CurrentUpdate(changed) with { Follows = _lastNotified };
        _lastNotified = update.Board.Version;
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
            await Commit(S with { Scores = scores }, [new LedgerItem(LedgerKinds.Reconciled, "system", new { reconciled = sheets.Select(s => s.ContestantId) })]);
    }

    /// <summary>
    /// Every change is one write: the new state, one version higher per ledger entry (so a version
    /// is its entry's sequence), with the entries appended to the open stretch of the ledger.
    /// </summary>
    private async Task Commit(ContestState next, IReadOnlyList<LedgerItem> entries)
    {
        if (next.Ledger.Count >= LedgerSegmentSize)
            next = await Seal(next);
        var now = clock.GetUtcNow();
        var ledger = next.Ledger;
        foreach (var entry in entries)
            ledger = LedgerChain.Append(ledger, next.LedgerEnd, now, entry.Kind, entry.Actor, entry.Data);
        await state.CommitAsync(next with
        {
            Version = S.Version + entries.Count,
            UpdatedAt = now,
            Ledger = ledger,
        }, GrainContext);
        _leaderboard = null;
    }

    /// <summary>
    /// Moves the open stretch of the ledger into a segment grain of its own, and moves the
    /// idempotency keys of its marks out of the state (a resend of one is answered from the sealed
    /// entry). If the commit that follows is lost, the next seal stores the segment again.
    /// </summary>
    private async Task<ContestState> Seal(ContestState next)
    {
        var sealedMarks = await SealedMarks();
        await Segment(next.SealedSegments).Store(next.Ledger);
        var sealedEntries = next.Ledger[^1].Sequence;
        foreach (var (key, accepted) in next.Accepted.Where(a => a.Value.Outcome.Version <= sealedEntries))
            sealedMarks[key] = accepted;
        return next with
        {
            SealedSegments = next.SealedSegments + 1,
            SealedEntries = sealedEntries,
            SealedHead = next.Ledger[^1].Hash,
            Ledger = [],
            Accepted = next.Accepted.RemoveRange(next.Accepted.Where(a => a.Value.Outcome.Version <= sealedEntries).Select(a => a.Key)),
        };
    }

    private async Task<IEnumerable<LedgerEntry>> SealedEntries() =>
        (await Task.WhenAll(Enumerable.Range(0, S.SealedSegments).Select(n => Segment(n).Entries()))).SelectMany(entries => entries);

    private ILedgerSegmentGrain Segment(int number) =>
        GrainFactory.GetGrain<ILedgerSegmentGrain>(LedgerSegmentGrain.Key(this.GetPrimaryKeyString(), number));

    /// <summary>The marks of the sealed segments by key, read once per activation and kept in step as segments are sealed.</summary>
    private async Task<Dictionary<string, AcceptedMark>> SealedMarks()
    {
        if (_sealedMarks is { } known)
            return known;
        var marks = new Dictionary<string, AcceptedMark>();
        foreach (var entry in (await SealedEntries()).Where(e => e.Kind == LedgerKinds.Mark))
        {
            var m = LedgerMark.Read(entry);
            marks[m.Key] = new AcceptedMark(new MarkSubmission(m.Key, m.Judge, m.Contestant, m.Criterion, m.Value),
                MarkOutcome.Accept(m.Key, entry.Sequence, m.Correction));
        }
        return _sealedMarks = marks;
    }

    private sealed record LedgerItem(string Kind, string Actor, object Data);

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
