namespace Craftsman.Documents.Spreadsheets;

/// <summary>A non-empty row as read from a workbook: its 1-based row number and its cells by 0-based column.</summary>
internal sealed record SheetRow(int Number, IReadOnlyDictionary<int, SheetCell> Cells)
{
    public string Text(int column) => Cells.TryGetValue(column, out var cell) ? cell.Text.Trim() : "";

    public SheetCell? Cell(int column) => Cells.TryGetValue(column, out var cell) ? cell : null;

    public bool IsBlank => Cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text));
}
