using Craftsman.Contracts.Input;

namespace Craftsman.Gateway.Api;

/// <summary>
/// Every id in an address is checked before any grain is asked: outside the id character set it
/// is a 400 naming the field; an edition that was never imported is a 404 from the edition
/// directory (except where the edition is being created: the imports and the blank template).
/// </summary>
public sealed class RouteIdFilter(EditionDirectory editions) : IEndpointFilter
{
    private static readonly string IdShape = $"an id of 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters})";

    // An occupation in an address may name one of its stages' rounds ("lift-repair~selection").
    private static readonly (string Name, Func<string?, bool> Valid, string Shape)[] Ids =
    [
        ("editionId", InputRules.IsId, IdShape),
        ("contestantId", InputRules.IsId, IdShape),
        ("judgeId", InputRules.IsId, IdShape),
        ("occupation", InputRules.IsRoundCode, $"an occupation code, or a round code \"{{occupation}}~{{stage}}\", of ids of 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters})"),
    ];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var route = context.HttpContext.Request.RouteValues;
        foreach (var (name, valid, shape) in Ids)
            if (route.TryGetValue(name, out var value) && !valid(value as string))
                return Problems.Problem(StatusCodes.Status400BadRequest, $"{name}: {shape} is required.", "InvalidId",
                    new Dictionary<string, object?> { ["params"] = new Dictionary<string, string> { ["field"] = name, ["maxLength"] = $"{InputRules.MaxIdLength}" } });
        if (route.TryGetValue("editionId", out var edition) && !CreatesEdition(context.HttpContext)
            && !await editions.Exists(edition as string))
            return Problems.EditionNotFound((string)edition!);
        return await next(context);
    }

    private static bool CreatesEdition(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        return path.EndsWith("/import", StringComparison.Ordinal) || path.EndsWith("/import-workbook", StringComparison.Ordinal)
            || path.EndsWith("/workbook-template.xlsx", StringComparison.Ordinal);
    }
}
