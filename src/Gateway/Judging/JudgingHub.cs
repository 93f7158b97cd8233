using Craftsman.Contracts.Input;
using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Gateway.Api;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Live;
using Microsoft.AspNetCore.Authorization;
using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Connections;
using Microsoft.AspNetCore.SignalR;
using Craftsman.Gateway.Refusals;

namespace Craftsman.Gateway.Judging;

/// <summary>
/// For signed-in judges and chief judges of one occupation. Which occupation and which judge come
/// from the token, never from what the tablet says, so nobody acts for another panel or judge.
/// </summary>
[Authorize(Policy = Roles.PanelPolicy)]
public sealed class JudgingHub(ContestFeed feed, ClusterAccess cluster, MarkBatcher marks, EditionDirectory editions) : Hub<IJudgingClient>
{
    /// <summary>The query parameter that names a stage other than the occupation's main round ("?stage=selection").</summary>
    public const string StageParameter = "stage";

    /// <summary>
    /// How many of one connection's invocations run at once. SignalR's default of one makes a
    /// judge's marks wait for each other's acknowledgement, so a connection that sends without
    /// waiting (a tablet's outbox catching up, the load tool) is held to one mark per round trip
    /// to the cluster, however idle the machine; with several in flight they join the same batch
    /// (<see cref="MarkBatcher"/>). Order is kept: SignalR starts a connection's invocations in the
    /// order they arrive, and a mark enters its batch before the hub method first awaits.
    /// </summary>
    public const int MarksInFlightPerConnection = 32;

    public override async Task OnConnectedAsync()
    {
        // A stage the occupation does not have is refused before anything is followed.
        if (Stage is not null)
            await ContestKeys.Resolve(cluster.Grains, editions, Key.EditionId, Key.OccupationCode);
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

    /// <summary>
    /// A mark from the tablet. A value the strict JSON rules refuse (NaN, a string, more than four
    /// decimal places, beyond 1e6) never gets here: the protocol answers it with an InvalidNumber
    /// refusal. What is missing or malformed here is answered as a rejected mark, so the tablet
    /// shows it on the entry.
    /// </summary>
    public async Task<MarkOutcome> SubmitMark(MarkEntry entry)
    {
        if (entry is null)
            throw HubRefusal.Exception("InvalidArgument", "SubmitMark takes one mark: {occupation, idempotencyKey, contestantId, criterionId, value}.", ("field", "entry"));
        EnsureOwnOccupation(entry.Occupation);
        var key = InputRules.IsKey(entry.IdempotencyKey) ? entry.IdempotencyKey! : "";
        if (Missing(entry) is { } field)
            return MarkOutcome.Reject(key, new MarkRejection(MarkRejectionCode.InvalidSubmission,
                $"{field}: required, {(field == "value" ? "a number" : field == "idempotencyKey" ? $"1 to {InputRules.MaxKeyLength} characters ({InputRules.KeyCharacters})" : $"an id of 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters})")}.",
                ImmutableDictionary<string, string>.Empty.Add("field", field)));
        return await marks.Submit(Key.GrainKey, new MarkSubmission(key, Context.User!.JudgeId()!, entry.ContestantId!, entry.CriterionId!, entry.Value!.Value));
    }

    private static string? Missing(MarkEntry entry) =>
        !InputRules.IsKey(entry.IdempotencyKey) ? "idempotencyKey"
        : !InputRules.IsId(entry.ContestantId) ? "contestantId"
        : !InputRules.IsId(entry.CriterionId) ? "criterionId"
        : entry.Value is null ? "value"
        : null;

    /// <summary>The contest as the tablet may show it: draw numbers instead of people in a blind round.</summary>
    public async Task<ContestDefinition?> GetContest() => await Contest.GetDefinition(Context.User!.Audience());

    public async Task<RoundStatus> GetStatus() => await Contest.GetStatus(Context.User!.Audience());

    /// <summary>Chief judge: reopen a flagged criterion of a contestant for named judges to re-mark.</summary>
    public Task<CommandResult> ReopenCriterion(string contestantId, string criterionId, string[] judgeIds)
    {
        EnsureId("contestantId", contestantId);
        EnsureId("criterionId", criterionId);
        if (judgeIds is null || judgeIds.Length > 100 || !judgeIds.All(InputRules.IsId))
            throw HubRefusal.Exception("InvalidId", "judgeIds: a list of up to 100 judges' ids is required.", ("field", "judgeIds"));
        return Execute(new ReopenCriterion(contestantId, criterionId, [.. judgeIds]));
    }

    /// <summary>Chief judge: confirm a flagged criterion as it stands, with a written reason.</summary>
    public Task<CommandResult> ConfirmCriterion(string contestantId, string criterionId, string reason)
    {
        EnsureId("contestantId", contestantId);
        EnsureId("criterionId", criterionId);
        if (reason is not null && !InputRules.IsText(reason))
            throw HubRefusal.Exception("InvalidText", $"reason: at most {InputRules.MaxTextLength} characters, without control or invisible formatting characters.",
                ("field", "reason"), ("maxLength", $"{InputRules.MaxTextLength}"));
        return Execute(new ConfirmCriterion(contestantId, criterionId, reason ?? ""));
    }

    private static void EnsureId(string field, string? value)
    {
        if (!InputRules.IsId(value))
            throw HubRefusal.Exception("InvalidId", $"{field}: an id of 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters}) is required.",
                ("field", field), ("maxLength", $"{InputRules.MaxIdLength}"));
    }

    /// <summary>Chief judge: sign the round off; marks are locked afterwards.</summary>
    public Task<CommandResult> SignOff() => Execute(new MoveRound(RoundPhase.SignedOff));

    /// <summary>Chief judge: consent to revealing a blind round's draw numbers at publication.</summary>
    public Task<CommandResult> ApproveReveal() => Execute(new ApproveReveal());

    private async Task<CommandResult> Execute(ContestCommand command) =>
        await Contest.Execute(Context.User!.Actor(), command);

    public async Task<PanelUpdate> GetPanelProgress()
    {
        var board = await Contest.GetBoard(Context.User!.Audience());
        return new PanelUpdate(board.OccupationCode, board.Version, board.Phase, await Contest.GetProgress(Context.User!.Audience()));
    }

    /// <summary>The caller's own current marks, across the occupation's contestants.</summary>
    public async Task<ImmutableArray<OwnMark>> GetMyMarks()
    {
        // A judge's own view holds only their marks; the chief's holds the panel's, of which theirs are asked for.
        var judgeId = Context.User!.JudgeId();
        var sheets = await Contest.GetScoresheets(Context.User!.Audience());
        return [.. sheets.SelectMany(s => s.Marks.Where(m => m.JudgeId == judgeId)
            .Select(m => new OwnMark(s.ContestantId, m.CriterionId, m.Value, m.EnteredAt, m.IdempotencyKey)))];
    }

    /// <summary>Every judge's marks and the flags: for the chief judge only.</summary>
    public async Task<ImmutableArray<Scoresheet>> GetPanelMarks()
    {
        if (!Context.User!.IsChief())
            throw HubRefusal.Exception("Forbidden", "Only the chief judge sees the panel's marks.");
        return await Contest.GetScoresheets(Context.User!.Audience());
    }

    /// <summary>
    /// The round this connection marks: the token's occupation (never what the tablet says), and the
    /// stage the tablet connected for, if any: "{occupation}~{stage}", as the round is named in addresses.
    /// </summary>
    private ContestKey Key => new(Context.User!.EditionId()!,
        new Craftsman.Contracts.Editions.StageKey(Context.User!.EditionId()!, Context.User!.OccupationCode()!, Stage).RoundCode);

    private string? Stage => Context.GetHttpContext()?.Request.Query[StageParameter].ToString() is { Length: > 0 } stage ? stage : null;

    private IContestGrain Contest => cluster.Grains.GetGrain<IContestGrain>(Key.GrainKey);

    private void EnsureOwnOccupation(string? occupation)
    {
        if (occupation != Key.OccupationCode)
            throw HubRefusal.Exception("WrongOccupation", $"You judge {Key.OccupationCode}, not {(occupation is null ? "no occupation" : InputRules.IsRoundCode(occupation) ? occupation : "that")}.",
                ("occupation", Key.OccupationCode));
    }
}
