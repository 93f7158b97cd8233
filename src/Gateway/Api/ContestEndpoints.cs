using Craftsman.Contracts.Input;
using Craftsman.Gateway.Judging;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Live;

namespace Craftsman.Gateway.Api;

public static class ContestEndpoints
{
    public sealed record BlindRequest(bool? Blind);
    public sealed record ContestantRequest(string? ContestantId);
    public sealed record RevealRequest(bool? OneRankFromBottom);
    public sealed record AppealRequest(string? ContestantId, string? CriterionId, string? Grounds);
    public sealed record RulingRequest(bool? Upheld, string? Reason);
    public sealed record AbsenceRequest(AbsenceKind? Kind, string? Reason);
    public sealed record ReopenRequest(string? ContestantId, string? CriterionId, string[]? JudgeIds);

    public static IEndpointRouteBuilder MapContestEndpoints(this IEndpointRouteBuilder app)
    {
        var contests = app.MapGroup("/api/editions/{editionId}/occupations/{occupation}").WithTags("Contests");

        contests.MapGet("/leaderboard", async (string editionId, string occupation, ClusterAccess cluster) =>
            await Contest(cluster.Grains, editionId, occupation) is { } contest
                ? Results.Ok(PublicLeaderboard.From(new ContestKey(editionId, occupation), await contest.GetBoard(Audience.Public)))
                : NoContest(editionId, occupation));

        contests.MapGet("/live-board", async (string editionId, string occupation, ClaimsPrincipal user, ClusterAccess cluster) =>
            NotYours(user, editionId, occupation)
            ?? (await Contest(cluster.Grains, editionId, occupation) is { } contest
                ? Results.Ok(PublicLeaderboard.From(new ContestKey(editionId, occupation), await contest.GetBoard(user.Audience())))
                : NoContest(editionId, occupation))).RequireAuthorization(Roles.StaffPolicy);

        contests.MapGet("/definition", async (string editionId, string occupation, ClaimsPrincipal user, ClusterAccess cluster) =>
            await Contest(cluster.Grains, editionId, occupation) is { } contest
                ? Results.Ok(await contest.GetDefinition(user.Audience()))
                : NoContest(editionId, occupation));

        contests.MapGet("/status", async (string editionId, string occupation, ClaimsPrincipal user, ClusterAccess cluster) =>
            NotYours(user, editionId, occupation)
            ?? (await Contest(cluster.Grains, editionId, occupation) is { } contest
                ? Results.Ok(await contest.GetStatus(user.Audience()))
                : NoContest(editionId, occupation))).RequireAuthorization(Roles.OfficePolicy);

        contests.MapGet("/ledger", async (string editionId, string occupation, ClusterAccess cluster) =>
        {
            if (await Contest(cluster.Grains, editionId, occupation) is not { } contest)
                return NoContest(editionId, occupation);
            var lines = (await contest.GetLedger()).Select(e => JsonSerializer.Serialize(e, LedgerJson));
            return Results.File(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), "application/jsonl", $"ledger-{editionId}-{occupation}.jsonl");
        }).RequireAuthorization(Roles.OrganiserPolicy);

        contests.MapPost("/marks", async (string editionId, string occupation, MarkRequest request, ClaimsPrincipal user, ClusterAccess cluster, MarkBatcher marks) =>
        {
            if (user.EditionId() != editionId || user.OccupationCode() != StageKey.OccupationOf(occupation))
                return Problems.Problem(StatusCodes.Status403Forbidden, $"You judge {user.OccupationCode()} in edition {user.EditionId()}, not {occupation} in {editionId}.", "WrongOccupation");
            if (MissingField(request) is { } missing)
                return Problems.Problem(StatusCodes.Status400BadRequest, $"The field '{missing}' is required.", nameof(MarkRejectionCode.InvalidSubmission), Params(("field", missing)));
            if (!InputRules.IsKey(request.IdempotencyKey))
                return Problems.Problem(StatusCodes.Status400BadRequest, $"idempotencyKey: 1 to {InputRules.MaxKeyLength} characters ({InputRules.KeyCharacters}).",
                    nameof(MarkRejectionCode.InvalidSubmission), Params(("field", "idempotencyKey"), ("maxLength", $"{InputRules.MaxKeyLength}")));
            if (!InputRules.IsId(request.ContestantId) || !InputRules.IsId(request.CriterionId))
                return Problems.Problem(StatusCodes.Status400BadRequest, $"contestantId and criterionId: 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters}).",
                    nameof(MarkRejectionCode.InvalidSubmission), Params(("field", InputRules.IsId(request.ContestantId) ? "criterionId" : "contestantId")));
            if (await Contest(cluster.Grains, editionId, occupation) is null)
                return NoContest(editionId, occupation);

            var outcome = await marks.Submit(GrainKeys.Contest(editionId, occupation), new MarkSubmission(
                request.IdempotencyKey!, user.JudgeId()!, request.ContestantId!, request.CriterionId!, request.Value!.Value));
            return outcome.Rejection is { } rejection
                ? Problems.Problem(StatusFor(rejection.Code), rejection.Message, rejection.Code.ToString(),
                    rejection.Params is { Count: > 0 } p ? new Dictionary<string, object?> { ["params"] = p } : null)
                : Results.Ok(outcome);
        }).RequireAuthorization(Roles.PanelPolicy);

        // Workflow commands: who may do what is the contest's rule (RoundPermissions); these only translate.
        contests.MapPost("/phase", (string editionId, string occupation, PhaseRequest request, ClaimsPrincipal user, ClusterAccess cluster) =>
            request.Phase is { } target
                ? Run(cluster, editionId, occupation, user, new MoveRound(target))
                : Required("phase"));
        contests.MapPost("/sign-off", (string editionId, string occupation, ClaimsPrincipal user, ClusterAccess cluster) =>
            Run(cluster, editionId, occupation, user, new MoveRound(RoundPhase.SignedOff)));
        contests.MapPost("/blind", (string editionId, string occupation, BlindRequest request, ClaimsPrincipal user, ClusterAccess cluster) =>
            request.Blind is { } blind ? Run(cluster, editionId, occupation, user, new SetBlind(blind)) : Required("blind"));
        contests.MapPost("/check-in", (string editionId, string occupation, ContestantRequest request, ClaimsPrincipal user, ClusterAccess cluster) =>
            !InputRules.IsId(request.ContestantId) ? RequiredId("contestantId") : Run(cluster, editionId, occupation, user, new CheckInContestant(request.ContestantId!)));
        contests.MapPost("/check-in-all", (string editionId, string occupation, ClaimsPrincipal user, ClusterAccess cluster) =>
            CheckInEveryone(cluster, editionId, occupation, user));
        contests.MapPost("/contestants/{contestantId}/absence", (string editionId, string occupation, string contestantId, AbsenceRequest request, ClaimsPrincipal user, ClusterAccess cluster) =>
            !InputRules.IsId(contestantId) ? RequiredId("contestantId")
            : request.Kind is not { } kind ? Required("kind")
            : string.IsNullOrWhiteSpace(request.Reason) ? Required("reason")
            : !InputRules.IsText(request.Reason) ? InvalidText("reason")
            : Run(cluster, editionId, occupation, user, new MarkAbsent(contestantId, kind, request.Reason)));
        contests.MapPost("/reopen", (string editionId, string occupation, ReopenRequest r, ClaimsPrincipal user, ClusterAccess cluster) =>
            !InputRules.IsId(r.ContestantId) ? RequiredId("contestantId")
            : !InputRules.IsId(r.CriterionId) ? RequiredId("criterionId")
            : r.JudgeIds is not { Length: > 0 and <= 100 } judges || !judges.All(InputRules.IsId) ? RequiredId("judgeIds")
            : Run(cluster, editionId, occupation, user, new ReopenCriterion(r.ContestantId!, r.CriterionId!, [.. judges])));
        contests.MapPost("/draw", (string editionId, string occupation, ClaimsPrincipal user, ClusterAccess cluster) =>
            Run(cluster, editionId, occupation, user, new DrawNumbers()));
        contests.MapPost("/reveal-approval", (string editionId, string occupation, ClaimsPrincipal user, ClusterAccess cluster) =>
            Run(cluster, editionId, occupation, user, new ApproveReveal()));
        contests.MapPost("/freeze", (string editionId, string occupation, ClaimsPrincipal user, ClusterAccess cluster) =>
            Run(cluster, editionId, occupation, user, new FreezeBoard()));
        contests.MapPost("/reveal", (string editionId, string occupation, RevealRequest request, ClaimsPrincipal user, ClusterAccess cluster) =>
            Run(cluster, editionId, occupation, user, new RevealBoard(request.OneRankFromBottom ?? false)));
        contests.MapPost("/appeals", (string editionId, string occupation, AppealRequest r, ClaimsPrincipal user, ClusterAccess cluster) =>
            !InputRules.IsId(r.ContestantId) ? RequiredId("contestantId")
            : !InputRules.IsId(r.CriterionId) ? RequiredId("criterionId")
            : r.Grounds is not null && !InputRules.IsText(r.Grounds) ? InvalidText("grounds")
            : Run(cluster, editionId, occupation, user, new FileAppeal(r.ContestantId!, r.CriterionId!, r.Grounds ?? "")));
        contests.MapPost("/appeals/{number:int}/ruling", (string editionId, string occupation, int number, RulingRequest r, ClaimsPrincipal user, ClusterAccess cluster) =>
            r.Upheld is not { } upheld ? Required("upheld")
            : r.Reason is not null && !InputRules.IsText(r.Reason) ? InvalidText("reason")
            : Run(cluster, editionId, occupation, user, new RuleAppeal(number, upheld, r.Reason ?? "")));

        return app;
    }

    private static async Task<IResult> Run(ClusterAccess cluster, string editionId, string occupation, ClaimsPrincipal user, ContestCommand command)
    {
        var (refused, contest) = await Acting(cluster, editionId, occupation, user);
        return refused ?? Answer(await contest!.Execute(user.Actor(), command));
    }

    /// <summary>The contest the caller acts on, or the refusal: not signed in, not their occupation, no such occupation.</summary>
    private static async Task<(IResult? Refused, IContestGrain? Contest)> Acting(ClusterAccess cluster, string editionId, string occupation, ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return (Problems.Problem(StatusCodes.Status401Unauthorized, "Sign in first.", "SignInRequired"), null);
        if (NotYours(user, editionId, occupation) is { } refused)
            return (refused, null);
        return await Contest(cluster.Grains, editionId, occupation) is { } contest
            ? (null, contest)
            : (NoContest(editionId, occupation), null);
    }

    private static IResult Answer(CommandResult result) =>
        result.Succeeded
            ? Results.Ok(result)
            : Problems.Problem(result.Code == "Forbidden" ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict, result.Error ?? result.Code ?? "Refused.", result.Code ?? "Refused");

    /// <summary>Checks in, one ledger entry each, every contestant who is neither checked in nor recorded as not competing.</summary>
    private static async Task<IResult> CheckInEveryone(ClusterAccess cluster, string editionId, string occupation, ClaimsPrincipal user)
    {
        var (refused, contest) = await Acting(cluster, editionId, occupation, user);
        if (refused is not null)
            return refused;
        // Both as the caller may see them (draw numbers for an official in a blind round); the contest resolves either.
        var status = await contest!.GetStatus(user.Audience());
        var waiting = (await contest.GetDefinition(user.Audience()))!.Contestants.Select(c => c.Id)
            .Where(id => !status.CheckedIn.Contains(id) && !status.NotCompeting.Any(n => n.ContestantId == id));
        CommandResult? last = null;
        foreach (var id in waiting)
        {
            last = await contest.Execute(user.Actor(), new CheckInContestant(id));
            if (!last.Succeeded)
                return Answer(last);
        }
        return Results.Ok(last ?? CommandResult.Done(status.Version));
    }

    /// <summary>Judges act for their own occupation and officials for their own edition; the organiser for any.</summary>
    private static IResult? NotYours(ClaimsPrincipal user, string editionId, string occupation) =>
        user.EditionId() is { } edition && edition != editionId || user.OccupationCode() is { } own && own != StageKey.OccupationOf(occupation)
            ? Problems.Problem(StatusCodes.Status403Forbidden, $"You act for {user.OccupationCode() ?? "the edition"} in edition {user.EditionId()}, not {occupation} in {editionId}.", "WrongOccupation")
            : null;

    private static readonly JsonSerializerOptions LedgerJson = new(JsonSerializerDefaults.Web);

    private static Task<IResult> Required(string field) =>
        Task.FromResult(Problems.Problem(StatusCodes.Status400BadRequest, $"The field '{field}' is required.", "InvalidRequest", Params(("field", field))));

    private static Task<IResult> RequiredId(string field) =>
        Task.FromResult(Problems.Problem(StatusCodes.Status400BadRequest,
            $"{field}: an id of 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters}) is required.", "InvalidId",
            Params(("field", field), ("maxLength", $"{InputRules.MaxIdLength}"))));

    private static Task<IResult> InvalidText(string field) =>
        Task.FromResult(Problems.Problem(StatusCodes.Status400BadRequest,
            $"{field}: at most {InputRules.MaxTextLength} characters, without control or invisible formatting characters.", "InvalidText",
            Params(("field", field), ("maxLength", $"{InputRules.MaxTextLength}"))));

    internal static Dictionary<string, object?> Params(params (string Name, string Value)[] parameters) =>
        new() { ["params"] = parameters.ToDictionary(p => p.Name, p => p.Value) };

    public static int StatusFor(MarkRejectionCode code) => code switch
    {
        MarkRejectionCode.InvalidSubmission => StatusCodes.Status400BadRequest,
        MarkRejectionCode.JudgeNotOnPanel => StatusCodes.Status403Forbidden,
        MarkRejectionCode.ContestNotSetUp or MarkRejectionCode.RoundNotLive or MarkRejectionCode.IdempotencyKeyReused
            or MarkRejectionCode.MeasurementAlreadyConfirmed => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The round's contest grain, or null when the edition has no such occupation or stage.</summary>
    internal static async Task<IContestGrain?> Contest(IGrainFactory grains, string editionId, string occupation)
    {
        var document = await grains.GetGrain<IEditionGrain>(editionId).GetDocument();
        // A stage's round is named by its round code ("lift-repair~selection"); see StageKey.
        return document is not null && StageKey.Exists(document.Occupations, occupation)
            ? grains.GetGrain<IContestGrain>(GrainKeys.Contest(editionId, occupation))
            : null;
    }

    internal static IResult NoContest(string editionId, string occupation) =>
        Problems.NotFound($"Occupation '{occupation}' is not in edition '{editionId}'.");

    private static string? MissingField(MarkRequest r) =>
        string.IsNullOrWhiteSpace(r.IdempotencyKey) ? "idempotencyKey"
        : string.IsNullOrWhiteSpace(r.ContestantId) ? "contestantId"
        : string.IsNullOrWhiteSpace(r.CriterionId) ? "criterionId"
        : r.Value is null ? "value"
        : null;
}
