using System.Text;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Documents.Results;
using Craftsman.Documents.Spreadsheets;
using Craftsman.Documents.Workbooks;

namespace Craftsman.Documents.Tests;

/// <summary>The documents show the round as it is: confirmed flags resolved, long names whole, local times, translatable errors.</summary>
public sealed class RoundAsItIsTests
{
    private static readonly Contracts.Editions.EditionDocument Edition = SampleEdition.Load();

    [Fact]
    public void TimesPrintInTheEditionsTimeZone()
    {
        var data = SampleResults.For(Edition, "cnc-lathe");
        var utc = new DateTimeOffset(2020, 11, 3, 8, 20, 0, TimeSpan.Zero);

        Assert.Equal("2020-11-03 16:20:00 +08:00", data.Timestamp(utc));
        var london = data with { Edition = data.Edition with { TimeZone = "Europe/London" } };
        Assert.Equal("2020-11-03 08:20:00 +00:00", london.Timestamp(utc));
    }

    [Fact]
    public void AConfirmedFlagPrintsResolvedWithTheChiefsReason()
    {
        var data = SampleResults.For(Edition, "cnc-lathe");
        var contestant = data.Contestants[0];
        var sheet = contestant.Scoresheet!;
        var flagged = sheet with { Criteria = sheet.Criteria.SetItem(0, sheet.Criteria[0] with { Flag = CriterionFlag.SpreadExceedsTolerance, IsFinal = false }) };
        var criterion = flagged.Criteria[0].CriterionId;
        var open = data with { Contestants = data.Contestants.SetItem(0, contestant with { Scoresheet = flagged }) };
        var confirmed = open with { Confirmed = [new ConfirmedCriterion(contestant.Id, criterion, "Workpiece re-measured by the panel")] };

        var openPdf = Encoding.Latin1.GetString(ResultSheetPdf.Render(open, compressContent: false));
        var confirmedPdf = Encoding.Latin1.GetString(ResultSheetPdf.Render(confirmed, compressContent: false));

        Assert.Contains("( spread) Tj", openPdf);
        Assert.DoesNotContain("( spread) Tj", confirmedPdf);
        Assert.Contains("( confirmed *1) Tj", confirmedPdf);
        Assert.Contains("re-measured", confirmedPdf);
        var marks = XlsxReader.Read(new MemoryStream(ResultsExport.OccupationXlsx(confirmed)))["Marks"]
            .SelectMany(r => r.Cells.Values.Select(c => c.Text)).ToList();
        Assert.Contains("Workpiece re-measured by the panel", marks);
        Assert.Contains("spreadExceedsTolerance (confirmed)", marks);
    }

    [Fact]
    public void ALongEmployerWrapsInsteadOfBeingCut()
    {
        var data = SampleResults.For(Edition, "cnc-lathe");
        var employer = "Beijing Heritage Crafts and Restoration Cooperative Workshop Seventeen";
        var wide = data with { Contestants = data.Contestants.SetItem(0, data.Contestants[0] with { Employer = employer }) };

        var pdf = Encoding.Latin1.GetString(ResultSheetPdf.Render(wide, compressContent: false));

        Assert.Contains("Seventeen", pdf);
        Assert.Contains("Restoration", pdf);
    }

    [Fact]
    public void WorkbookErrorsCarryACodeAndItsParameters()
    {
        var xlsx = WorkbookEditor.Set(EditionWorkbook.Write(Edition), "Contestants", "E2", "captain");

        var error = Assert.Single(EditionWorkbook.Read(new MemoryStream(xlsx)).Errors);

        Assert.Equal(("Contestants", 2, "role", "NotAllowed"), (error.Sheet, error.Row, error.Column, error.Code));
        Assert.Equal("captain", error.Parameters["value"]);
        Assert.StartsWith("seed, challenger", error.Parameters["allowed"]);
    }
}
