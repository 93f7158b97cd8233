using Craftsman.Documents.Spreadsheets;
using Craftsman.Documents.Workbooks;

namespace Craftsman.Documents.Tests;

public sealed class EditionWorkbookTests
{
    [Fact]
    public void SampleEditionRoundTripsThroughWorkbookUnchanged()
    {
        var sample = SampleEdition.Load();

        var result = EditionWorkbook.Read(new MemoryStream(EditionWorkbook.Write(sample)));

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        Assert.Equal(SampleEdition.ToJson(sample), SampleEdition.ToJson(result.Document));
        Assert.Equal(30, result.Document.Occupations.Length);
        Assert.Equal(85, result.Document.Contestants.Length);
        Assert.Equal(180, result.Document.Judges.Length);
    }

    [Fact]
    public void WrittenWorkbookHasTheDocumentedSheetsAndHeaders()
    {
        var sheets = XlsxReader.Read(new MemoryStream(EditionWorkbook.Write(SampleEdition.Load())));

        Assert.Equal(["Edition", "Schemes", "Occupations", "Contestants", "Judges", "Stages"], sheets.Keys);
        Assert.Equal(
            ["scheme", "module", "module_name_zh", "module_name_en", "module_weight", "criterion", "criterion_name_zh", "criterion_name_en", "kind", "max", "step", "tolerance"],
            HeaderOf(sheets["Schemes"]));
        Assert.Equal(["code", "name_zh", "name_en", "mode", "scheme", "nameSource"], HeaderOf(sheets["Occupations"]));
        Assert.Equal(["id", "name", "employer", "occupation", "role"], HeaderOf(sheets["Contestants"]));
        Assert.Equal(["id", "name", "occupation", "role"], HeaderOf(sheets["Judges"]));
        Assert.Equal(["occupation", "stage", "name_zh", "name_en", "scheme", "blind", "advance", "weight", "panel"], HeaderOf(sheets["Stages"]));
        Assert.Equal(["id", "title_zh", "title_en", "year", "appealWindowMinutes", "qualifyingScore"], sheets["Edition"].Skip(1).Select(r => r.Text(0)));
    }

    [Fact]
    public void WorkbookWithBadRowsIsRejectedNamingSheetRowAndColumnOfEach()
    {
        var xlsx = EditionWorkbook.Write(SampleEdition.Load());
        xlsx = WorkbookEditor.Set(xlsx, "Contestants", "E2", "captain");   // role
        xlsx = WorkbookEditor.Set(xlsx, "Schemes", "J3", "abc");           // max
        xlsx = WorkbookEditor.Set(xlsx, "Contestants", "D5", null);        // occupation left empty

        var result = EditionWorkbook.Read(new MemoryStream(xlsx));

        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        Assert.Equal(
            [("Contestants", 2, "role"), ("Contestants", 5, "occupation"), ("Schemes", 3, "max")],
            result.Errors.Select(e => (e.Sheet, e.Row, e.Column)).Order());
        Assert.Contains("captain", result.Errors.Single(e => e.Column == "role").Message);
        Assert.Contains("seed, challenger", result.Errors.Single(e => e.Column == "role").Message);
        Assert.Contains("'abc' is not a number", result.Errors.Single(e => e.Column == "max").Message);
        Assert.Equal("sheet Contestants, row 5, column occupation: A value is required.", result.Errors.Single(e => e.Column == "occupation").ToString());
    }

    [Fact]
    public void ReferenceToAnUnknownOccupationIsAnError()
    {
        var xlsx = WorkbookEditor.Set(EditionWorkbook.Write(SampleEdition.Load()), "Judges", "C7", "pastry-chef");

        var error = Assert.Single(EditionWorkbook.Read(new MemoryStream(xlsx)).Errors);

        Assert.Equal(("Judges", 7, "occupation"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("'pastry-chef' is not defined in the sheet Occupations", error.Message);
    }

    [Fact]
    public void DecimalCommaIsRejectedAndDoubleArtefactsAreRepaired()
    {
        var xlsx = EditionWorkbook.Write(SampleEdition.Load());

        var comma = EditionWorkbook.Read(new MemoryStream(WorkbookEditor.Set(xlsx, "Schemes", "E2", "0,7")));
        var error = Assert.Single(comma.Errors);
        Assert.Equal(("Schemes", 2, "module_weight"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("decimal point", error.Message);

        // A spreadsheet program may store 0.7 as the nearest double written out in 17 digits.
        var excel = EditionWorkbook.Read(new MemoryStream(WorkbookEditor.Set(xlsx, "Schemes", "E2", "0.69999999999999996", asNumber: true)));
        Assert.True(excel.Succeeded);
        Assert.Equal(0.7m, excel.Document.MarkingSchemes[0].Modules[0].Weight);
        Assert.Equal(SampleEdition.ToJson(SampleEdition.Load()), SampleEdition.ToJson(excel.Document));
    }

    [Fact]
    public void JudgementCriterionWithoutToleranceIsAnError()
    {
        var xlsx = EditionWorkbook.Write(SampleEdition.Load());
        xlsx = WorkbookEditor.Set(xlsx, "Schemes", "L4", null);  // P3 of machining is a judgement criterion
        xlsx = WorkbookEditor.Set(xlsx, "Schemes", "I2", "Measurement");  // enum values ignore letter case

        var errors = EditionWorkbook.Read(new MemoryStream(xlsx)).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(("Schemes", 4, "tolerance"), (error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void ModuleWeightsMustAgreeAcrossRowsAndSumToOne()
    {
        var xlsx = EditionWorkbook.Write(SampleEdition.Load());

        var disagreeing = EditionWorkbook.Read(new MemoryStream(WorkbookEditor.Set(xlsx, "Schemes", "E3", "0.6")));
        var error = Assert.Single(disagreeing.Errors);
        Assert.Equal(("Schemes", 3, "module_weight"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("row 2", error.Message);

        foreach (var row in Enumerable.Range(2, 5))  // the five criteria of machining's practical module
            xlsx = WorkbookEditor.Set(xlsx, "Schemes", $"E{row}", "0.6");
        error = Assert.Single(EditionWorkbook.Read(new MemoryStream(xlsx)).Errors);
        Assert.Equal(("Schemes", 2, "module_weight"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("'machining' sum to 0.9", error.Message);
    }

    [Fact]
    public void TemplateReadsBackWithoutErrors()
    {
        var template = EditionWorkbook.Template();

        var result = EditionWorkbook.Read(new MemoryStream(template));

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        Assert.Single(result.Document.MarkingSchemes);
        Assert.Single(result.Document.Occupations);
        Assert.Equal(2, result.Document.Contestants.Length);
        // A complete panel, so the template also passes the import's own checks (a chief and three judges).
        Assert.Equal(4, result.Document.Judges.Length);
        Assert.Equal("Asia/Shanghai", result.Document.Edition.TimeZone);
        Assert.Contains("Help", XlsxReader.Read(new MemoryStream(template)).Keys);
    }

    [Fact]
    public void TemplateForAnEditionCarriesItsId()
    {
        var result = EditionWorkbook.Read(new MemoryStream(EditionWorkbook.Template("bj31-autumn")));

        Assert.Equal("bj31-autumn", result.Document!.Edition.Id);
    }

    [Fact]
    public void WorkbookWithHeadersOnlyReportsNoData()
    {
        var empty = SampleEdition.Load() with { MarkingSchemes = [], Occupations = [], Contestants = [], Judges = [] };

        var result = EditionWorkbook.Read(new MemoryStream(EditionWorkbook.Write(empty)));

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Document);
        Assert.Contains("no data rows", error.Message);
    }

    [Fact]
    public void MissingSheetsAndKeysAreNamed()
    {
        var builder = new XlsxBuilder();
        builder.AddSheet("Edition").Header("key", "value").Add("id", "2020").Add("year", "twenty");

        var result = EditionWorkbook.Read(new MemoryStream(builder.Build()));

        Assert.Null(result.Document);
        foreach (var sheet in new[] { "Schemes", "Occupations", "Contestants", "Judges" })
            Assert.Contains(result.Errors, e => e.Sheet == sheet && e.Row == 0 && e.Message.Contains("no sheet"));
        Assert.DoesNotContain(result.Errors, e => e.Sheet == "Stages");
        Assert.Contains(result.Errors, e => e is { Sheet: "Edition", Row: 0, Column: "key" } && e.Message.Contains("'title_zh'"));
        Assert.Contains(result.Errors, e => e is { Sheet: "Edition", Row: 3, Column: "value" } && e.Message.Contains("year"));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("truncated")]
    public void FileThatIsNotAWorkbookIsRejected(string kind)
    {
        var bytes = kind == "csv" ? "id,name\nC001,Wan"u8.ToArray() : EditionWorkbook.Template()[..2000];

        var result = EditionWorkbook.Read(new MemoryStream(bytes));

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Document);
        Assert.Equal("", error.Sheet);
        Assert.Contains("not a readable .xlsx", error.Message);
    }

    private static IEnumerable<string> HeaderOf(IReadOnlyList<SheetRow> rows) =>
        rows[0].Cells.OrderBy(c => c.Key).Select(c => c.Value.Text);
}
