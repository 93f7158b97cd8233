using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Documents.Results;
using Craftsman.Documents.Workbooks;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;

namespace Craftsman.Gateway.Api;

/// <summary>The office's files: the edition workbook (template, export, import) and the results as XLSX, CSV and PDF.</summary>
public static class DocumentEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const long MaxWorkbookBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/editions/{editionId}").WithTags("Documents").RequireAuthorization(Roles.OrganiserPolicy);

        // The template holds no data: anyone may download it, straight from a link in the console.
        files.MapGet("/workbook-template.xlsx", (string editionId) =>
            Results.File(EditionWorkbook.Template(editionId), Xlsx, $"craftsman-edition-template-{editionId}.xlsx")).AllowAnonymous();

        files.MapGet("/workbook.xlsx", async (string editionId, ClusterAccess cluster) =>
            await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is { } document
                ? Results.File(EditionWorkbook.Write(document), Xlsx, $"edition-{editionId}.xlsx")
                : Problems.EditionNotFound(editionId));

        files.MapPost("/import-workbook", async (string editionId, HttpRequest request, ClusterAccess cluster, EditionDirectory directory) =>
        {
            if (request.ContentLength is > MaxWorkbookBytes)
                return Problems.Problem(StatusCodes.Status413PayloadTooLarge, $"A workbook may be at most {MaxWorkbookBytes / 1024 / 1024} MB.", "WorkbookTooLarge");
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            buffer.Position = 0;
            var read = EditionWorkbook.Read(buffer);
            if (!read.Succeeded)
                return Problems.Invalid("The workbook has errors; nothing was imported.", "WorkbookInvalid",
                    new Dictionary<string, object?> { ["errors"] = read.Errors.Select(e => new { e.Sheet, e.Row, e.Column, e.Code, e.Parameters, e.Message }) });
            var result = await cluster.Grains.GetGrain<IEditionGrain>(editionId).Import(read.Document!);
            if (result.Imported)
                directory.Imported(editionId);
            return result.Imported
                ? Results.Ok(result)
                : Problems.Invalid("The edition was not imported; nothing was changed.", "EditionInvalid", new Dictionary<string, object?> { ["errors"] = result.Errors });
        }).Accepts<IFormFile>(Xlsx).DisableAntiforgery();

        files.MapGet("/results.xlsx", async (string editionId, ClusterAccess cluster) =>
            await Edition(cluster, editionId) is { } all ? Results.File(ResultsExport.EditionXlsx(all), Xlsx, $"results-{editionId}.xlsx") : Problems.EditionNotFound(editionId));
        files.MapGet("/results.csv", async (string editionId, ClusterAccess cluster) =>
            await Edition(cluster, editionId) is { } all ? Csv(ResultsExport.EditionCsv(all), $"results-{editionId}.csv") : Problems.EditionNotFound(editionId));

        var occupation = files.MapGroup("/occupations/{occupation}");
        occupation.MapGet("/results.xlsx", async (string editionId, string occupation, ClusterAccess cluster) =>
            await Occupation(cluster, editionId, occupation) is { } data ? Results.File(ResultsExport.OccupationXlsx(data), Xlsx, $"results-{editionId}-{occupation}.xlsx") : ContestEndpoints.NoContest(editionId, occupation));
        occupation.MapGet("/results.csv", async (string editionId, string occupation, ClusterAccess cluster) =>
            await Occupation(cluster, editionId, occupation) is { } data ? Csv(ResultsExport.OccupationCsv(data), $"results-{editionId}-{occupation}.csv") : ContestEndpoints.NoContest(editionId, occupation));
        occupation.MapGet("/result-sheet.pdf", async (string editionId, string occupation, ClusterAccess cluster) =>
            await Occupation(cluster, editionId, occupation) is { } data ? Results.File(ResultSheetPdf.Render(data), "application/pdf", $"result-sheet-{editionId}-{occupation}.pdf") : ContestEndpoints.NoContest(editionId, occupation));

        return app;
    }

    private static IResult Csv(string csv, string name) => Results.File(ResultsExport.Utf8WithBom(csv), "text/csv; charset=utf-8", name);

    private static async Task<IReadOnlyList<ResultSheetData>?> Edition(ClusterAccess cluster, string editionId)
    {
        if (await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is not { } document)
            return null;
        var sheets = await Task.WhenAll(document.Occupations.Select(o => Gather(cluster.Grains, editionId, o.Code)));
        return [.. sheets.OfType<ResultSheetData>()];
    }

    private static async Task<ResultSheetData?> Occupation(ClusterAccess cluster, string editionId, string occupation) =>
        await ContestEndpoints.Contest(cluster.Grains, editionId, occupation) is not null
            ? await Gather(cluster.Grains, editionId, occupation)
            : null;

    /// <summary>
    /// One occupation's result data as the contest gives it to its panel: in a blind round, before
    /// publication, that is draw numbers, so no file leaks the mapping early.
    /// </summary>
    /// <summary>A result sheet is what the chief judge signs: the panel's view, whoever downloads it.</summary>
    private static readonly Audience ResultSheetAudience = new(AudienceKind.ChiefJudge);

    private static async Task<ResultSheetData?> Gather(IGrainFactory grains, string editionId, string occupation)
    {
        var contest = grains.GetGrain<IContestGrain>(GrainKeys.Contest(editionId, occupation));
        if (await contest.GetDefinition(ResultSheetAudience) is not { } definition)
            return null;
        var board = await contest.GetBoard(ResultSheetAudience);
        var sheets = (await contest.GetScoresheets(ResultSheetAudience)).ToDictionary(s => s.ContestantId);
        // The status names contestants as the definition does (draw numbers in a blind round).
        var status = await contest.GetStatus(ResultSheetAudience);
        var contestants = definition.Contestants.Select(c => new ResultContestant(c.Id, c.Name, c.Employer, c.Role,
            status.Blind ? c.Id : null, sheets.GetValueOrDefault(c.Id))).ToImmutableArray();
        return new ResultSheetData(definition.Edition, definition.Occupation, definition.Scheme, board, contestants,
            definition.Panel, status.SignedOffBy, status.SignedOffAt, status.LedgerHead, board.Version, board.Phase)
        {
            Confirmed = status.Confirmed.IsDefault ? [] : status.Confirmed,
        };
    }
}
