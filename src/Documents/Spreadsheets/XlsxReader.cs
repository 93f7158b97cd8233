using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Craftsman.Documents.Spreadsheets;

/// <summary>
/// Reads every worksheet of an .xlsx into rows of cell texts (shared strings, inline strings,
/// formula results and numbers as stored, never through <see cref="double"/>). Blank rows are skipped.
/// </summary>
internal static class XlsxReader
{
    /// <summary>Sheets by name (case-insensitive), in workbook order.</summary>
    /// <exception cref="InvalidDataException">The stream is not a readable .xlsx workbook.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<SheetRow>> Read(Stream xlsx)
    {
        Stream source = xlsx;
        if (!xlsx.CanSeek)
        {
            var copy = new MemoryStream();
            xlsx.CopyTo(copy);
            copy.Position = 0;
            source = copy;
        }

        try
        {
            using var document = SpreadsheetDocument.Open(source, false);
            var workbookPart = document.WorkbookPart ?? throw new FormatException("the package has no workbook part");
            var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
                .Select(ItemText).ToList() ?? [];
            var result = new Dictionary<string, IReadOnlyList<SheetRow>>(StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Name?.Value is not { } name || sheet.Id?.Value is not { } id || result.ContainsKey(name))
                    continue;
                if (workbookPart.GetPartById(id) is WorksheetPart part)
                    result[name.Trim()] = Rows(part, strings);
            }
            return result;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or ArgumentException
            or System.Xml.XmlException or FormatException or KeyNotFoundException or OpenXmlPackageException)
        {
            throw new InvalidDataException($"The file is not a readable .xlsx workbook ({e.Message})", e);
        }
    }

    private static List<SheetRow> Rows(WorksheetPart part, List<string> strings)
    {
        var rows = new List<SheetRow>();
        var data = part.Worksheet?.GetFirstChild<SheetData>();
        if (data is null)
            return rows;
        var previousRow = 0;
        foreach (var row in data.Elements<Row>())
        {
            var number = row.RowIndex?.Value is { } index ? (int)index : previousRow + 1;
            previousRow = number;
            var cells = new Dictionary<int, SheetCell>();
            var previousColumn = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : previousColumn + 1;
                previousColumn = column;
                if (column >= 0 && CellOf(cell, strings) is { } value)
                    cells[column] = value;
            }
            var sheetRow = new SheetRow(number, cells);
            if (!sheetRow.IsBlank)
                rows.Add(sheetRow);
        }
        return rows;
    }

    private static SheetCell? CellOf(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count
                ? new SheetCell(strings[i], false)
                : throw new FormatException($"cell {cell.CellReference?.Value} points to a missing shared string");
        }
        if (type == CellValues.InlineString)
            return new SheetCell(cell.InlineString is { } inline ? InlineText(inline) : raw ?? "", false);
        if (type == CellValues.Boolean)
            return new SheetCell(raw == "1" ? "TRUE" : "FALSE", false);
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date)
            return raw is null ? null : new SheetCell(raw, false);
        return raw is null ? null : new SheetCell(raw, true);
    }

    private static string ItemText(SharedStringItem item) =>
        item.Text is { } text ? text.Text : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static string InlineText(InlineString inline) =>
        inline.Text is { } text ? text.Text : string.Concat(inline.Elements<Run>().Select(r => r.Text?.Text));

    /// <summary>"C12" → 2 (0-based); -1 when the reference has no letters.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z')
                break;
            index = index * 26 + (upper - 'A' + 1);
            letters++;
        }
        return letters == 0 ? -1 : index - 1;
    }
}
