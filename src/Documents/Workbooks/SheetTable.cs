using Craftsman.Documents.Spreadsheets;

namespace Craftsman.Documents.Workbooks;

/// <summary>A sheet's data rows with its header: the column names found and where.</summary>
internal sealed class SheetTable(string name, int headerRow, IReadOnlyDictionary<string, int> columns, IReadOnlyList<SheetRow> rows)
{
    public string Name { get; } = name;

    public int HeaderRow { get; } = headerRow;

    public IReadOnlyList<SheetRow> Rows { get; } = rows;

    public bool Has(string column) => columns.ContainsKey(column);

    public SheetCell? Cell(SheetRow row, string column) =>
        columns.TryGetValue(column, out var index) ? row.Cell(index) : null;

    public string Text(SheetRow row, string column) =>
        columns.TryGetValue(column, out var index) ? row.Text(index) : "";
}
