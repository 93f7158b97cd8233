using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Craftsman.Documents.Results;
using Craftsman.Documents.Workbooks;

namespace Craftsman.Documents.Tests;

/// <summary>Every workbook we write passes the Open XML schema validator, so Excel opens it without a repair prompt.</summary>
public sealed class XlsxValidityTests
{
    public static TheoryData<string> Workbooks => ["edition", "template", "occupation results", "edition results"];

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void WorkbookIsValidOpenXml(string which)
    {
        var edition = SampleEdition.Load();
        var results = new[] { "network-security", "carved-lacquer" }.Select(code => SampleResults.For(edition, code)).ToList();
        var xlsx = which switch
        {
            "edition" => EditionWorkbook.Write(edition),
            "template" => EditionWorkbook.Template(),
            "occupation results" => ResultsExport.OccupationXlsx(results[0]),
            _ => ResultsExport.EditionXlsx(results),
        };

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.Empty(errors);
    }
}
