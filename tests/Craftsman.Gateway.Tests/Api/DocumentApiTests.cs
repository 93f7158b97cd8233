using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Contracts.Editions;
using Craftsman.Documents.Workbooks;
using Craftsman.Gateway.Tests.EndToEnd;
using Craftsman.Gateway.Tests.Support;
using Craftsman.Tests.Shared;
using Craftsman.Silo.Seeding;

namespace Craftsman.Gateway.Tests.Api;

public sealed class DocumentApiTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await new GatewayClient(_factory).Organiser();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task SampleEditionRoundTripsThroughTheWorkbookUnchanged()
    {
        var before = await _organiser.GetFromJsonAsync<JsonElement>("/api/editions/2020/occupations");
        var workbook = await _organiser.GetByteArrayAsync("/api/editions/2020/workbook.xlsx");

        var response = await Upload("/api/editions/2020/import-workbook", workbook);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reread = EditionWorkbook.Read(new MemoryStream(await _organiser.GetByteArrayAsync("/api/editions/2020/workbook.xlsx")));
        Assert.Equal(Json(SampleEdition.Load()), Json(reread.Document!));
        Assert.Equal(before.ToString(), (await _organiser.GetFromJsonAsync<JsonElement>("/api/editions/2020/occupations")).ToString());
    }

    [Fact]
    public async Task WorkbookWithABadRowIsRejectedNamingTheRowAndNothingIsImported()
    {
        var sample = SampleEdition.Load();
        var broken = sample with
        {
            Edition = sample.Edition with { Id = "bad" },
            Contestants = sample.Contestants.SetItem(4, sample.Contestants[4] with { Occupation = "astronaut" }),
        };

        var response = await Upload("/api/editions/bad/import-workbook", EditionWorkbook.Write(broken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("Contestants", 6, "occupation"), (error.GetProperty("sheet").GetString(), error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _organiser.GetAsync("/api/editions/bad/occupations")).StatusCode);
    }

    [Fact]
    public async Task AnEditionWithStagesRoundTripsThroughTheWorkbookAndABadStageInItImportsNothing()
    {
        var path = $"/api/editions/{GeneratedEdition.Id}";
        (await _organiser.PostAsJsonAsync($"{path}/import", StagedOccupationTests.StagedDocument())).EnsureSuccessStatusCode();
        var workbook = await _organiser.GetByteArrayAsync($"{path}/workbook.xlsx");
        var lift = EditionWorkbook.Read(new MemoryStream(workbook)).Document!.Occupations.Single(o => o.Code == "lift-repair");
        Assert.Equal(["selection", "final", "review"], lift.Stages.Select(s => s.Id));
        Assert.Equal([0m, 0.7m, 0.3m], lift.Stages.Select(s => s.Weight));
        Assert.Equal(3, lift.Stages[0].Advance);

        // The workbook with a stage weight changed: weights that do not sum to 1 are refused by the import's stage checks.
        var document = EditionWorkbook.Read(new MemoryStream(workbook)).Document!;
        var heavier = document with
        {
            Occupations = [.. document.Occupations.Select(o => o.Code != "lift-repair" ? o : o with { Stages = o.Stages.SetItem(1, o.Stages[1] with { Weight = 0.6m }) })],
        };
        var refused = await Upload($"{path}/import-workbook", EditionWorkbook.Write(heavier));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("lift-repair", await refused.Content.ReadAsStringAsync());

        var response = await Upload($"{path}/import-workbook", workbook);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reread = EditionWorkbook.Read(new MemoryStream(await _organiser.GetByteArrayAsync($"{path}/workbook.xlsx")));
        Assert.Equal(Json(document), Json(reread.Document!));
        var stages = await _organiser.GetFromJsonAsync<JsonElement>($"{path}/occupations/lift-repair/stages");
        Assert.Equal(["lift-repair~selection", "lift-repair", "lift-repair~review"],
            stages.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("roundCode").GetString()));
    }

    [Fact]
    public async Task ResultsDownloadAsXlsxCsvAndAPrintableSheet()
    {
        var pdf = await _organiser.GetByteArrayAsync("/api/editions/2020/occupations/cnc-lathe/result-sheet.pdf");
        var csv = await _organiser.GetStringAsync("/api/editions/2020/occupations/cnc-lathe/results.csv");
        var xlsx = await _organiser.GetByteArrayAsync("/api/editions/2020/results.xlsx");

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Contains("C007", csv);
        Assert.Equal((byte)'P', xlsx[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/api/editions/2020/results.csv")).StatusCode);
    }

    [Fact]
    public async Task TemplateDownloadsWithoutSigningInAndReadsBack()
    {
        var template = await _factory.CreateClient().GetByteArrayAsync("/api/editions/template/workbook-template.xlsx");

        Assert.True(EditionWorkbook.Read(new MemoryStream(template)).Succeeded);
    }

    private Task<HttpResponseMessage> Upload(string path, byte[] workbook)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return _organiser.PostAsync(path, content);
    }

    private static string Json(EditionDocument document) => JsonSerializer.Serialize(document, SampleEdition.JsonOptions);
}
