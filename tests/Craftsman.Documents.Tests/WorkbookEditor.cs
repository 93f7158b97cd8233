using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Craftsman.Documents.Tests;

/// <summary>Edits cells of an .xlsx as an organiser would in a spreadsheet program.</summary>
internal static class WorkbookEditor
{
    /// <summary>Sets <paramref name="reference"/> (e.g. "E2") to text, to a number as a spreadsheet stores it, or clears it (null).</summary>
    public static byte[] Set(byte[] xlsx, string sheetName, string reference, string? text, bool asNumber = false)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.GetFirstChild<SheetData>()!;
            var rowNumber = uint.Parse(new string([.. reference.Where(char.IsAsciiDigit)]));
            var row = data.Elements<Row>().Single(r => r.RowIndex! == rowNumber);
            var cell = row.Elements<Cell>().SingleOrDefault(c => c.CellReference == reference)
                ?? throw new ArgumentException($"{sheetName}!{reference} is empty in the written workbook.");
            cell.RemoveAllChildren();
            cell.StyleIndex = null;
            if (text is null)
            {
                cell.Remove();
            }
            else if (asNumber)
            {
                cell.DataType = null;
                cell.CellValue = new CellValue(text);
            }
            else
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(text));
            }
        }
        return stream.ToArray();
    }

    /// <summary>Removes a sheet, as a workbook written before that sheet existed would lack it.</summary>
    public static byte[] RemoveSheet(byte[] xlsx, string sheetName)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            workbook.DeletePart(workbook.GetPartById(sheet.Id!));
            sheet.Remove();
        }
        return stream.ToArray();
    }
}
