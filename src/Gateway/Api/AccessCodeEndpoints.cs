using Craftsman.Contracts.Input;
using Craftsman.Gateway.Cluster;
using System.Collections.Immutable;
using Craftsman.Contracts.Access;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Venue;
using QRCoder;

namespace Craftsman.Gateway.Api;

/// <summary>The organiser issues, lists and revokes judges' access codes.</summary>
public static class AccessCodeEndpoints
{
    /// <summary>Exactly one scope: an occupation's panel, named people, or (all: true) everyone of the edition. Nothing else is guessed.</summary>
    public sealed record IssueRequest(string? Occupation, string[]? JudgeIds, bool? All);

    /// <summary>An access code to print: the code, and a QR code (SVG) of the tablet sign-in link carrying it.</summary>
    public sealed record PrintableAccessCode(string JudgeId, string Name, string? Occupation, string Role, string Code, string SignInUrl, string QrSvg);

    /// <summary>Someone who signs in with a code: a judge, a chief judge or an edition official.</summary>
    private sealed record Holder(string Id, string Name, string? Occupation, string Role);

    public static IEndpointRouteBuilder MapAccessCodeEndpoints(this IEndpointRouteBuilder app)
    {
        var codes = app.MapGroup("/api/editions/{editionId}/access-codes").WithTags("Access codes")
            .RequireAuthorization(Roles.OrganiserPolicy);

        codes.MapPost("", async (string editionId, IssueRequest request, HttpRequest http, ClusterAccess cluster, ServedAddresses addresses) =>
        {
            // Re-issuing voids printed cards, so an empty or unclear body must never mean "everyone".
            var scopes = (request.Occupation is not null ? 1 : 0) + (request.JudgeIds is not null ? 1 : 0) + (request.All is not null ? 1 : 0);
            if (scopes != 1 || request.All == false)
                return Problems.Problem(StatusCodes.Status400BadRequest,
                    "Name exactly one scope: {\"occupation\": code}, {\"judgeIds\": [...]} or {\"all\": true}.", "ScopeRequired", ContestEndpoints.Params(("field", "occupation|judgeIds|all")));
            if (request.Occupation is not null && !InputRules.IsId(request.Occupation))
                return Problems.Problem(StatusCodes.Status400BadRequest, "occupation: an occupation code is required.", "InvalidId", ContestEndpoints.Params(("field", "occupation")));
            if (request.JudgeIds is not null && (request.JudgeIds.Length is 0 or > 1000 || !request.JudgeIds.All(InputRules.IsId)))
                return Problems.Problem(StatusCodes.Status400BadRequest, "judgeIds: 1 to 1000 ids of judges or officials are required.", "InvalidId", ContestEndpoints.Params(("field", "judgeIds")));
            if (await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is not { } document)
                return Problems.EditionNotFound(editionId);
            var holders = document.Judges.Select(j => new Holder(j.Id, j.Name, j.Occupation, j.Role == JudgeRole.Chief ? Roles.Chief : Roles.Judge))
                .Concat(document.Officials.Select(o => new Holder(o.Id, o.Name, null, o.Role == OfficialRole.EncryptionOfficer ? Roles.Officer : Roles.Arbiter)))
                .ToList();
            var judges = holders.AsEnumerable();
            if (request.Occupation is not null)
            {
                if (!document.Occupations.Any(o => o.Code == request.Occupation))
                    return Problems.Invalid($"Occupation '{request.Occupation}' is not in edition '{editionId}'.", "UnknownOccupation", ContestEndpoints.Params(("occupation", request.Occupation)));
                judges = judges.Where(j => j.Occupation == request.Occupation);
            }
            if (request.JudgeIds is { } ids)
            {
                var unknown = ids.Where(id => !holders.Any(j => j.Id == id)).ToList();
                if (unknown.Count > 0)
                    return Problems.Invalid($"Not judges or officials of edition '{editionId}': {string.Join(", ", unknown)}.", "UnknownJudge", ContestEndpoints.Params(("judgeIds", string.Join(", ", unknown))));
                judges = judges.Where(j => ids.Contains(j.Id));
            }
            var chosen = judges.ToDictionary(j => j.Id);
            var issued = await cluster.Grains.GetGrain<IAccessCodeGrain>(editionId).Issue([.. chosen.Keys]);
            var baseUrl = addresses.PublicBase(http);
            return Results.Ok(issued.Select(i => Printable(chosen[i.JudgeId], i.Code, baseUrl)).ToImmutableArray());
        });

        codes.MapGet("", async (string editionId, ClusterAccess cluster) =>
            Results.Ok(await cluster.Grains.GetGrain<IAccessCodeGrain>(editionId).List()));

        codes.MapDelete("/{judgeId}", async (string editionId, string judgeId, ClusterAccess cluster) =>
            await cluster.Grains.GetGrain<IAccessCodeGrain>(editionId).Revoke(judgeId)
                ? Results.NoContent()
                : Problems.NotFound($"Judge '{judgeId}' holds no live access code."));

        return app;
    }

    private static PrintableAccessCode Printable(Holder judge, string code, string baseUrl)
    {
        var url = $"{baseUrl}/judge/#code={Uri.EscapeDataString(code)}";
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new PrintableAccessCode(judge.Id, judge.Name, judge.Occupation, judge.Role, code, url, svg);
    }
}
