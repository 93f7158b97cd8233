using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Registration;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;

namespace Craftsman.Gateway.Api;

/// <summary>
/// The open call (公开报名): anyone registers and reads their own status with receipt and ID
/// digits; the public sees windows and counts; names, contacts and statements go to the office only.
/// </summary>
public static class OpenCallEndpoints
{
    public sealed record WindowRequest(DateTimeOffset? Opens, DateTimeOffset? Closes);
    public sealed record RegistrationRequest(string? Name, string? Employer, string? Contact, string? IdLast4, string? Statement);
    public sealed record StatusRequest(string? ReceiptNumber, string? IdLast4);
    public sealed record VettingRequest(bool? Accept, string? Reason);

    /// <summary>What the registrant is told: the receipt to keep, nothing of anyone else.</summary>
    public sealed record Receipt(string ReceiptNumber, RegistrationStatus Status, DateTimeOffset SubmittedAt);

    public static IEndpointRouteBuilder MapOpenCallEndpoints(this IEndpointRouteBuilder app)
    {
        var edition = app.MapGroup("/api/editions/{editionId}").WithTags("Open call");
        var call = edition.MapGroup("/occupations/{occupation}");

        edition.MapGet("/open-calls", async (string editionId, ClusterAccess cluster) =>
            await EditionLookup.OccupationCodes(cluster.Grains, editionId) is { } codes
                ? Results.Ok(await Task.WhenAll(codes.Select(code => Registry(cluster, editionId, code).GetSummary())))
                : Problems.EditionNotFound(editionId));

        call.MapGet("/open-call", async (string editionId, string occupation, ClusterAccess cluster) =>
            await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation)
            ?? Results.Ok(await Registry(cluster, editionId, occupation).GetSummary()));

        call.MapPut("/open-call", async (string editionId, string occupation, WindowRequest request, ClusterAccess cluster) =>
        {
            if (request.Opens is not { } opens || request.Closes is not { } closes)
                return Required(request.Opens is null ? "opens" : "closes");
            if (await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation) is { } missing)
                return missing;
            var registry = Registry(cluster, editionId, occupation);
            return await registry.SetWindow(new OpenCallWindow(opens, closes)) is { } refusal
                ? Refused(refusal)
                : Results.Ok(await registry.GetSummary());
        }).RequireAuthorization(Roles.OrganiserPolicy);

        call.MapPost("/registrations", async (string editionId, string occupation, RegistrationRequest r, ClusterAccess cluster) =>
        {
            if (await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation) is { } missing)
                return missing;
            var result = await Registry(cluster, editionId, occupation).Register(
                new RegistrationForm(r.Name ?? "", r.Employer ?? "", r.Contact ?? "", r.IdLast4 ?? "", r.Statement ?? ""));
            return result.Entry is { } entry
                ? Results.Created($"/api/editions/{editionId}/occupations/{occupation}/registrations/{entry.ReceiptNumber}",
                    new Receipt(entry.ReceiptNumber, entry.Status, entry.SubmittedAt))
                : Refused(result.Refusal!);
        });

        // POST, not GET: the ID digits stay out of addresses, logs and browser history.
        call.MapPost("/registrations/status", async (string editionId, string occupation, StatusRequest r, ClusterAccess cluster) =>
        {
            if (string.IsNullOrWhiteSpace(r.ReceiptNumber) || string.IsNullOrWhiteSpace(r.IdLast4))
                return Required(string.IsNullOrWhiteSpace(r.ReceiptNumber) ? "receiptNumber" : "idLast4");
            if (await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation) is { } missing)
                return missing;
            return await Registry(cluster, editionId, occupation).GetRegistrantStatus(r.ReceiptNumber, r.IdLast4) is { } status
                ? Results.Ok(status)
                : Refused(new RegistrationRefusal(RegistrationRefusalCode.ReceiptNotFound, "No registration has this receipt number with these ID digits."));
        });

        call.MapGet("/registrations", async (string editionId, string occupation, ClusterAccess cluster) =>
            await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation)
            ?? Results.Ok(await Registry(cluster, editionId, occupation).GetEntries())).RequireAuthorization(Roles.OrganiserPolicy);

        call.MapPost("/registrations/{receiptNumber}/vetting", async (string editionId, string occupation, string receiptNumber, VettingRequest r, ClusterAccess cluster) =>
        {
            if (r.Accept is not { } accept)
                return Required("accept");
            if (await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation) is { } missing)
                return missing;
            var result = await Registry(cluster, editionId, occupation).Vet(receiptNumber, new VettingDecision(accept, r.Reason));
            return result.Entry is { } entry ? Results.Ok(entry) : Refused(result.Refusal!);
        }).RequireAuthorization(Roles.OrganiserPolicy);

        // The accepted entrants as the selection stage will take them.
        call.MapGet("/challengers", async (string editionId, string occupation, ClusterAccess cluster) =>
            await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation)
            ?? Results.Ok(await Registry(cluster, editionId, occupation).GetAccepted())).RequireAuthorization(Roles.OrganiserPolicy);

        return app;
    }

    private static IRegistrationGrain Registry(ClusterAccess cluster, string editionId, string occupation) =>
        cluster.Grains.GetGrain<IRegistrationGrain>(GrainKeys.Registry(editionId, occupation));

    private static IResult Refused(RegistrationRefusal refusal) =>
        Problems.Problem(StatusFor(refusal.Code), refusal.Message, refusal.Code.ToString(),
            refusal.Field is null ? null : new Dictionary<string, object?> { ["field"] = refusal.Field });

    public static int StatusFor(RegistrationRefusalCode code) => code switch
    {
        RegistrationRefusalCode.ReceiptNotFound => StatusCodes.Status404NotFound,
        RegistrationRefusalCode.CallNotOpen or RegistrationRefusalCode.CallClosed or RegistrationRefusalCode.RegistryFull
            or RegistrationRefusalCode.DuplicateOfAccepted => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static IResult Required(string field) =>
        Problems.Problem(StatusCodes.Status400BadRequest, $"The field '{field}' is required.", "InvalidRequest", new Dictionary<string, object?> { ["field"] = field });
}
