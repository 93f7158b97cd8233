using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Craftsman.Documents.Spreadsheets;

/// <summary>
/// Writes a small .xlsx with the Open XML SDK: shared strings, a header style, a two-decimal score
/// format, frozen header rows and drop-down lists. Numbers are written with their exact decimal
/// digits (invariant culture), so what is read back is what was written.
/// </summary>
internal sealed class XlsxBuilder
{
    private const int DropDownLastRow = 10_000;
    private readonly List<XlsxSheet> sheets = [];

    public XlsxSheet AddSheet(string name)
    {
        if (sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"The workbook already has a sheet named '{name}'.", nameof(name));
        var sheet = new XlsxSheet(name);
        sheets.Add(sheet);
        return sheet;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

            var strings = new SharedStrings();
            var sheetList = new Sheets();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, strings);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
            }
            workbookPart.Workbook.Append(sheetList);
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table();
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(XlsxSheet sheet, SharedStrings strings)
    {
        var worksheet = new Worksheet();
        if (sheet.FreezeHeader && sheet.Rows.Count > 0)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0U }));
        }

        var widths = ColumnWidths(sheet);
        if (widths.Count > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < widths.Count; i++)
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
            worksheet.Append(columns);
        }

        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowNumber = (uint)(r + 1);
            var row = new Row { RowIndex = rowNumber };
            var cells = sheet.Rows[r];
            for (var c = 0; c < cells.Count; c++)
            {
                var value = cells[c];
                if (value.IsEmpty && value.Style == XlsxStyle.Default)
                    continue;
                var cell = new Cell { CellReference = ColumnName(c) + rowNumber.ToString(CultureInfo.InvariantCulture) };
                if (value.Style != XlsxStyle.Default)
                    cell.StyleIndex = (uint)value.Style;
                if (value.Text is not null)
                {
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(strings.IndexOf(value.Text).ToString(CultureInfo.InvariantCulture));
                }
                else if (value.Number is { } number)
                {
                    cell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
                }
                row.Append(cell);
            }
            data.Append(row);
        }
        worksheet.Append(data);

        if (sheet.Choices.Count > 0)
        {
            var validations = new DataValidations { Count = (uint)sheet.Choices.Count };
            foreach (var (column, values) in sheet.Choices.OrderBy(c => c.Key))
            {
                var range = $"{ColumnName(column)}2:{ColumnName(column)}{DropDownLastRow}";
                validations.Append(new DataValidation(new Formula1($"\"{string.Join(",", values)}\""))
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = "Craftsman",
                    Error = $"Allowed values: {string.Join(", ", values)}",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
                });
            }
            worksheet.Append(validations);
        }
        return worksheet;
    }

    private static List<double> ColumnWidths(XlsxSheet sheet)
    {
        var widths = new List<double>();
        foreach (var row in sheet.Rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                while (widths.Count <= c)
                    widths.Add(8);
                var text = row[c].Number is { } n ? Math.Round(n, 2).ToString(CultureInfo.InvariantCulture) : row[c].DisplayText;
                widths[c] = Math.Max(widths[c], Math.Min(64, DisplayWidth(text) + 2));
            }
        }
        return widths;
    }

    /// <summary>Approximate width in characters; CJK and full-width characters take two.</summary>
    private static double DisplayWidth(string text) => text.Sum(ch => ch >= 0x2E80 ? 2.1 : 1.1);

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
            new Font(new Strike(), new FontSize { Val = 11D }, new Color { Rgb = "FF808080" }, new FontName { Val = "Calibri" }))
        { Count = 3U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
        { Count = 3U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 2U, BorderId = 0U, FormatId = 0U, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 2U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 2U, FontId = 2U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true, ApplyFont = true })
        { Count = 5U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly List<string> values = [];

        public int IndexOf(string text)
        {
            if (!indexes.TryGetValue(text, out var index))
            {
                index = values.Count;
                values.Add(text);
                indexes.Add(text, index);
            }
            return index;
        }

        public SharedStringTable Table()
        {
            var table = new SharedStringTable { Count = (uint)values.Count, UniqueCount = (uint)values.Count };
            foreach (var value in values)
            {
                var text = new Text(value);
                if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.Contains('\n')))
                    text.Space = SpaceProcessingModeValues.Preserve;
                table.Append(new SharedStringItem(text));
            }
            return table;
        }
    }
}
