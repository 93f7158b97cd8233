using System.Collections.Immutable;
using Craftsman.Contracts.Editions;
using Craftsman.Documents.Spreadsheets;
using Craftsman.Documents.Workbooks;

namespace Craftsman.Documents.Tests;

/// <summary>The workbook's Stages sheet: an edition with stages round-trips; bad stage rows are named by cell; older workbooks still read.</summary>
public sealed class EditionWorkbookStagesTests
{
    private static LocalizedText Name(string zh, string en) => new(zh, en);

    /// <summary>The sample with CNC lathe in three stages: a blind selection on its own scheme and panel (top 3 go on), the final (70 %), expert review (30 %).</summary>
    private static EditionDocument Staged()
    {
        var sample = SampleEdition.Load();
        ImmutableArray<Stage> stages =
        [
            new Stage("selection", Name("挑战者选拔赛", "Challenger selection"), "review-only", true, 3, 0m) { Panel = ["J013", "J014", "J015", "J016"] },
            new Stage("final", Name("擂台比武", "Final in the arena"), null, null, null, 0.7m),
            new Stage("review", Name("专家评审", "Expert review"), "review-only", false, null, 0.3m),
        ];
        return sample with { Occupations = [.. sample.Occupations.Select(o => o.Code == "cnc-lathe" ? o with { Stages = stages } : o)] };
    }

    [Fact]
    public void EditionWithStagesRoundTripsThroughWorkbookUnchanged()
    {
        var staged = Staged();

        var xlsx = EditionWorkbook.Write(staged);
        var result = EditionWorkbook.Read(new MemoryStream(xlsx));

        Assert.Empty(result.Errors);
        Assert.Equal(SampleEdition.ToJson(staged), SampleEdition.ToJson(result.Document!));
        var lathe = result.Document!.Occupations.Single(o => o.Code == "cnc-lathe");
        Assert.Equal(["selection", "final", "review"], lathe.Stages.Select(s => s.Id));
        Assert.Equal(["J013", "J014", "J015", "J016"], lathe.Stages[0].Panel.AsEnumerable());
        Assert.All(result.Document.Occupations.Where(o => o.Code != "cnc-lathe"), o => Assert.Empty(o.Stages));
        var rows = XlsxReader.Read(new MemoryStream(xlsx))["Stages"];
        Assert.Equal(["cnc-lathe", "selection", "挑战者选拔赛", "Challenger selection", "review-only", "true", "3", "0", "J013 J014 J015 J016"],
            Enumerable.Range(0, 9).Select(i => rows[1].Text(i)));
        Assert.Equal(["cnc-lathe", "final", "擂台比武", "Final in the arena", "", "", "", "0.7", ""], Enumerable.Range(0, 9).Select(i => rows[2].Text(i)));
    }

    [Fact]
    public void BadStageRowsAreRejectedNamingSheetRowAndColumnOfEach()
    {
        var xlsx = EditionWorkbook.Write(Staged());
        xlsx = WorkbookEditor.Set(xlsx, "Stages", "E2", "nope");            // scheme
        xlsx = WorkbookEditor.Set(xlsx, "Stages", "F2", "maybe");           // blind
        xlsx = WorkbookEditor.Set(xlsx, "Stages", "G2", "two");             // advance
        xlsx = WorkbookEditor.Set(xlsx, "Stages", "I2", "J013 J099");       // panel: a judge of another occupation
        xlsx = WorkbookEditor.Set(xlsx, "Stages", "H3", "1.5", asNumber: true); // weight
        xlsx = WorkbookEditor.Set(xlsx, "Stages", "B4", "selection");       // the review renamed into a second selection
        xlsx = WorkbookEditor.Set(xlsx, "Stages", "A4", "pastry-chef");     // ... of an unknown occupation

        var result = EditionWorkbook.Read(new MemoryStream(xlsx));

        Assert.Null(result.Document);
        Assert.Equal(
            [("Stages", 2, "advance"), ("Stages", 2, "blind"), ("Stages", 2, "panel"), ("Stages", 2, "scheme"), ("Stages", 3, "weight"), ("Stages", 4, "occupation")],
            result.Errors.Select(e => (e.Sheet, e.Row, e.Column)).Order());
        Assert.Contains("'J099' is not a judge of 'cnc-lathe'", result.Errors.Single(e => e.Column == "panel").Message);
        Assert.Contains("true, false", result.Errors.Single(e => e.Column == "blind").Message);
        Assert.Contains("'two' is not a whole number", result.Errors.Single(e => e.Column == "advance").Message);
        Assert.Contains("between 0 and 1", result.Errors.Single(e => e.Column == "weight").Message);
    }

    [Fact]
    public void AStageTwiceInOneOccupationIsAnError()
    {
        var xlsx = WorkbookEditor.Set(EditionWorkbook.Write(Staged()), "Stages", "B4", "final");

        var error = Assert.Single(EditionWorkbook.Read(new MemoryStream(xlsx)).Errors);

        Assert.Equal(("Stages", 4, "stage", "Duplicate"), (error.Sheet, error.Row, error.Column, error.Code));
        Assert.Contains("already defined in row 3", error.Message);
    }

    [Fact]
    public void WorkbookWithoutAStagesSheetReadsAsOccupationsOfOneRound()
    {
        var xlsx = WorkbookEditor.RemoveSheet(EditionWorkbook.Write(Staged()), "Stages");

        var result = EditionWorkbook.Read(new MemoryStream(xlsx));

        Assert.Empty(result.Errors);
        Assert.All(result.Document!.Occupations, o => Assert.Empty(o.Stages));
        Assert.Equal(SampleEdition.ToJson(SampleEdition.Load()), SampleEdition.ToJson(result.Document));
    }

    [Fact]
    public void TemplateExplainsTheStagesSheetAndReadsBackWithoutStages()
    {
        var template = EditionWorkbook.Template();

        var help = XlsxReader.Read(new MemoryStream(template))["Help"];
        var result = EditionWorkbook.Read(new MemoryStream(template));

        Assert.Contains(help, row => row.Text(0) == "Stages" && row.Text(1) == "advance" && row.Text(2).Contains("tied at the cut-off"));
        Assert.Empty(result.Errors);
        Assert.All(result.Document!.Occupations, o => Assert.Empty(o.Stages));
    }
}
