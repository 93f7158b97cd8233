using System.Text;
using System.Text.RegularExpressions;
using Craftsman.Contracts.Contests;
using Craftsman.Documents.Pdf;
using Craftsman.Documents.Results;
using PdfSharp.Pdf.IO;

namespace Craftsman.Documents.Tests;

public sealed class ResultSheetPdfTests
{
    private static readonly Contracts.Editions.EditionDocument Edition = SampleEdition.Load();

    [Fact]
    public void ResultSheetIsAPdfShowingTheLedgerHeadHash()
    {
        var data = SampleResults.For(Edition, "network-security");

        var pdf = ResultSheetPdf.Render(data, compressContent: false);

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Contains(SampleResults.LedgerHash, Latin1(pdf));
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 2, "the ranking and three contestants' breakdowns take more than one page");
    }

    [Fact]
    public void ChineseTextUsesAnEmbeddedCjkFont()
    {
        var pdf = Latin1(ResultSheetPdf.Render(SampleResults.For(Edition, "network-security"), compressContent: false));

        // Both fonts are embedded as TrueType programs; Chinese goes through a CID font whose
        // ToUnicode map gives 北 (U+5317, in the edition's title) a real glyph, not .notdef.
        Assert.True(Regex.Count(pdf, "/FontFile2") >= 2);
        Assert.Contains("/Encoding/Identity-H", pdf);
        Assert.Matches(@"<(?!0000)[0-9A-F]{4}><(?!0000)[0-9A-F]{4}><5317>", pdf);
    }

    [Fact]
    public void ProvisionalAndReviewOnlySheetsRender()
    {
        var provisional = ResultSheetPdf.Render(SampleResults.For(Edition, "cnc-lathe", RoundPhase.Live), compressContent: false);
        var review = ResultSheetPdf.Render(SampleResults.For(Edition, "carved-lacquer", RoundPhase.Final));

        Assert.Contains(SampleResults.LedgerHash, Latin1(provisional));
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(review, 0, 5));
    }

    [Fact]
    public void MissingFontIsReportedWithThePackageToInstall()
    {
        var error = Assert.Throws<PdfFontNotFoundException>(() => PdfFontResolver.FindFontFile(
            null, PdfFontResolver.CjkFontVariable, ["/nonexistent/DroidSansFallbackFull.ttf"], PdfFontResolver.CjkPackage, "with Chinese glyphs"));

        Assert.Contains("apt-get install fonts-droid-fallback", error.Message);
        Assert.Contains(PdfFontResolver.CjkFontVariable, error.Message);
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
