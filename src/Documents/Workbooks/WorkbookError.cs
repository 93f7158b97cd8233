namespace Craftsman.Documents.Workbooks;

/// <summary>
/// One problem in an imported workbook. <see cref="Row"/> is the row number Excel shows (the header
/// is row 1, the first data row 2); 0 means the sheet as a whole (a missing sheet, a missing
/// Edition key, no data rows). <see cref="Column"/> is the header name of the column ("role",
/// "max"); empty when the error concerns no single column. <see cref="Sheet"/> is empty when the
/// file itself cannot be read.
/// </summary>
/// <param name="Code">What is wrong, as a stable code the console translates (e.g. "ValueRequired"), with its <see cref="Parameters"/>.</param>
/// <param name="Message">The same in English, for logs and API callers.</param>
public sealed record WorkbookError(string Sheet, int Row, string Column, string Code, string Message)
{
    /// <summary>The values the translated message names (a key, a value, another row), by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public override string ToString()
    {
        var where = Sheet.Length == 0 ? "file" : $"sheet {Sheet}";
        if (Row > 0) where += $", row {Row}";
        if (Column.Length > 0) where += $", column {Column}";
        return $"{where}: {Message}";
    }
}
