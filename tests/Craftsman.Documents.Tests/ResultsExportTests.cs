using System.Globalization;
using System.Text;
using Craftsman.Documents.Formatting;
using Craftsman.Documents.Results;
using Craftsman.Documents.Spreadsheets;

namespace Craftsman.Documents.Tests;

public sealed class ResultsExportTests
{
    private static readonly Contracts.Editions.EditionDocument Edition = SampleEdition.Load();

    [Fact]
    public void OccupationCsvListsTheRankingInRankOrder()
    {
        var data = SampleResults.For(Edition, "network-security");

        var records = CsvText.Parse(ResultsExport.OccupationCsv(data));

        var header = records[0];
        Assert.Equal("名次 Rank", header[0]);
        Assert.Contains("现场实操（擂台） Live practical (arena)", header);
        Assert.Equal(data.Leaderboard.Standings.Length + 1, records.Count);
        Assert.All(records, r => Assert.Equal(header.Count, r.Count));
        var composite = header.IndexOf("综合得分 Composite");
        foreach (var (standing, record) in data.Leaderboard.Standings.Zip(records.Skip(1)))
        {
            Assert.Equal(standing.Rank.ToString(CultureInfo.InvariantCulture), record[0]);
            Assert.Equal(standing.ContestantId, record[1]);
            Assert.Equal(standing.Name, record[3]);
            Assert.Equal(ScoreFormat.Display(standing.Composite), record[composite]);
            Assert.Equal(standing.Composite.ToString(CultureInfo.InvariantCulture), record[^1]);
        }
        Assert.Equal("yes", records[1][header.IndexOf("推荐人选 Title candidate")]);
    }

    [Fact]
    public void CsvBytesCarryAByteOrderMarkForExcel()
    {
        var csv = ResultsExport.OccupationCsv(SampleResults.For(Edition, "network-security"));

        var bytes = ResultsExport.Utf8WithBom(csv);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(csv, new UTF8Encoding(false).GetString(bytes[3..]));
        Assert.Contains("\r\n", csv);
    }

    [Fact]
    public void CsvEscapesTextThatASpreadsheetWouldRunAsAFormula()
    {
        var data = SampleResults.For(Edition, "network-security");
        data = data with { Contestants = [.. data.Contestants.Select(c => c with { Employer = "=HYPERLINK(\"http://x\")" })] };

        var records = CsvText.Parse(ResultsExport.OccupationCsv(data));

        Assert.All(records.Skip(1), r => Assert.StartsWith("'=", r[4]));
    }

    [Fact]
    public void EditionCsvHasEveryOccupationAndTheUnionOfModules()
    {
        var sheets = new[] { "network-security", "cnc-lathe", "carved-lacquer" }.Select(code => SampleResults.For(Edition, code)).ToList();

        var records = CsvText.Parse(ResultsExport.EditionCsv(sheets));

        Assert.Equal(1 + sheets.Sum(s => s.Leaderboard.Standings.Length), records.Count);
        var header = records[0];
        Assert.Equal("工种代码 Occupation code", header[0]);
        Assert.Single(header, h => h.StartsWith("现场实操", StringComparison.Ordinal));
        Assert.Single(header, h => h.StartsWith("专家评审", StringComparison.Ordinal));
        var practical = header.FindIndex(h => h.StartsWith("现场实操", StringComparison.Ordinal));
        var review = records.Skip(1).Where(r => r[0] == "carved-lacquer").ToList();
        Assert.NotEmpty(review);
        Assert.All(review, r => Assert.Equal("", r[practical]));
    }

    [Fact]
    public void OccupationXlsxHoldsTheRankingWithExactScores()
    {
        var data = SampleResults.For(Edition, "network-security");

        var sheets = XlsxReader.Read(new MemoryStream(ResultsExport.OccupationXlsx(data)));

        Assert.Equal(["Ranking", "Marks", "Info"], sheets.Keys);
        var ranking = sheets["Ranking"];
        Assert.Equal(data.Leaderboard.Standings.Length + 1, ranking.Count);
        var composite = ranking[0].Cells.Single(c => c.Value.Text == "综合得分 Composite").Key;
        foreach (var (standing, row) in data.Leaderboard.Standings.Zip(ranking.Skip(1)))
        {
            Assert.Equal(standing.ContestantId, row.Text(1));
            Assert.Equal(standing.Rank.ToString(CultureInfo.InvariantCulture), row.Text(0));
            var cell = row.Cell(composite)!;
            Assert.True(cell.IsNumber);
            Assert.Equal(standing.Composite, decimal.Parse(cell.Text, CultureInfo.InvariantCulture));
        }
        var criteria = data.Scheme.Criteria.Count();
        Assert.Equal(1 + criteria * data.Contestants.Length, sheets["Marks"].Count);
        Assert.Contains(sheets["Info"], r => r.Text(1) == SampleResults.LedgerHash);
    }

    [Fact]
    public void EditionXlsxHasASummaryAndASheetPerOccupation()
    {
        var codes = new[] { "network-security", "fashion-design", "carved-lacquer" };
        var sheets = codes.Select(code => SampleResults.For(Edition, code)).ToList();

        var workbook = XlsxReader.Read(new MemoryStream(ResultsExport.EditionXlsx(sheets)));

        Assert.Equal(["Summary", .. codes], workbook.Keys);
        var summary = workbook["Summary"];
        Assert.Equal(codes, summary.Skip(1).Select(r => r.Text(0)));
        Assert.All(summary.Skip(1), r => Assert.Equal(SampleResults.LedgerHash, r.Text(14)));
        foreach (var data in sheets)
            Assert.Equal(data.Leaderboard.Standings.Select(s => s.ContestantId), workbook[data.Occupation.Code].Skip(1).Select(r => r.Text(1)));
    }

    [Theory]
    [InlineData("16.165", "16.17")]
    [InlineData("16.1666666666666666666666666667", "16.17")]
    [InlineData("2.675", "2.68")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("70", "70.00")]
    public void ScoresAreShownRoundedHalfAwayFromZeroToTwoPlaces(string exact, string shown) =>
        Assert.Equal(shown, ScoreFormat.Display(decimal.Parse(exact, CultureInfo.InvariantCulture)));
}
