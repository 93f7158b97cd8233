namespace Craftsman.Documents.Workbooks;

/// <summary>
/// One problem in an imported workbook. <see cref="Row"/> is the row number Excel shows (the header
/// is row 1, the first data row 2); 0 means the sheet as a whole (a missing sheet, a missing
/// Edition key, no data rows). <see cref="Column"/> is the header name of the column ("role",
/// "max"); empty when the error concerns no single column. <see cref="Sheet"/> is empty when the
/// file itself cannot be read.
/// </summary>
public sealed record WorkbookError(string Sheet, int Row, string Column, string Message)
{
    public override string ToString()
    {
        var where = Sheet.Length == 0 ? "file" : $"sheet {Sheet}";
        if (Row > 0) where += $", row {Row}";
        if (Column.Length > 0) where += $", column {Column}";
        return $"{where}: {Message}";
    }
}
