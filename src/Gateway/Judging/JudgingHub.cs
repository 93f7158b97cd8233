using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Live;
using Microsoft.AspNetCore.Authorization;
using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Connections;
using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Judging;

/// <summary>
/// For signed-in judges and chief judges of one occupation. Which occupation and which judge come
/// from the token, never from what the tablet says, so nobody acts for another panel or judge.
/// </summary>
[Authorize(Policy = Roles.PanelPolicy)]
public sealed class JudgingHub(ContestFeed feed, ClusterAccess cluster, MarkBatcher marks) : Hub<IJudgingClient>
{
    public override async Task OnConnectedAsync()
    {
        var key = Key;
        await feed.Follow(Context.ConnectionId, new Topic(TopicKind.Panel, key));
        if (Context.User!.IsChief())
            await feed.Follow(Context.ConnectionId, new Topic(TopicKind.Scoresheets, key));
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await feed.Forget(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    public async Task<MarkOutcome> SubmitMark(MarkEntry entry)
    {
        EnsureOwnOccupation(entry.Occupation);
        var submission = new MarkSubmission(entry.IdempotencyKey ?? "", Context.User!.JudgeId()!, entry.ContestantId ?? "", entry.CriterionId ?? "", entry.Value ?? -1m);
        if (entry.Value is null || string.IsNullOrWhiteSpace(entry.ContestantId) || string.IsNullOrWhiteSpace(entry.CriterionId))
            return MarkOutcome.Reject(submission.IdempotencyKey, MarkRejectionCode.InvalidSubmission, "contestantId, criterionId and value are required.");
        return await marks.Submit(Key.GrainKey, submission);
    }

    /// <summary>The contest as the tablet may show it: draw numbers instead of people in a blind round.</summary>
    public async Task<ContestDefinition?> GetContest() => await Contest.GetPanelDefinition();

    public async Task<RoundStatus> GetStatus() => await Contest.GetPanelStatus();

    /// <summary>Chief judge: reopen a flagged criterion of a contestant for named judges to re-mark.</summary>
    public Task<CommandResult> ReopenCriterion(string contestantId, string criterionId, string[] judgeIds) =>
        Execute(new ReopenCriterion(contestantId, criterionId, [.. judgeIds ?? []]));

    /// <summary>Chief judge: confirm a flagged criterion as it stands, with a written reason.</summary>
    public Task<CommandResult> ConfirmCriterion(string contestantId, string criterionId, string reason) =>
        Execute(new ConfirmCriterion(contestantId, criterionId, reason ?? ""));

    /// <summary>Chief judge: sign the round off; marks are locked afterwards.</summary>
    public Task<CommandResult> SignOff() => Execute(new MoveRound(RoundPhase.SignedOff));

    /// <summary>Chief judge: consent to revealing a blind round's draw numbers at publication.</summary>
    public Task<CommandResult> ApproveReveal() => Execute(new ApproveReveal());

    private async Task<CommandResult> Execute(ContestCommand command) =>
        await Contest.Execute(Context.User!.Actor(), command);

    public async Task<PanelUpdate> GetPanelProgress()
    {
        var board = await Contest.GetLeaderboard();
        return PanelUpdate.From(board, await Contest.GetScoresheets());
    }

    /// <summary>The caller's own current marks, across the occupation's contestants.</summary>
    public async Task<ImmutableArray<OwnMark>> GetMyMarks()
    {
        var judgeId = Context.User!.JudgeId();
        var sheets = await Contest.GetScoresheets();
        return [.. sheets.SelectMany(s => s.Marks.Where(m => m.JudgeId == judgeId)
            .Select(m => new OwnMark(s.ContestantId, m.CriterionId, m.Value, m.EnteredAt, m.IdempotencyKey)))];
    }

    /// <summary>Every judge's marks and the flags: for the chief judge only.</summary>
    public async Task<ImmutableArray<Scoresheet>> GetPanelMarks()
    {
        if (!Context.User!.IsChief())
            throw new HubException("Forbidden: only the chief judge sees the panel's marks.");
        return await Contest.GetScoresheets();
    }

    private ContestKey Key => new(Context.User!.EditionId()!, Context.User!.OccupationCode()!);

    private IContestGrain Contest => cluster.Grains.GetGrain<IContestGrain>(Key.GrainKey);

    private void EnsureOwnOccupation(string? occupation)
    {
        if (occupation != Key.OccupationCode)
            throw new HubException($"Forbidden: you judge {Key.OccupationCode}, not {occupation}.");
    }
}
