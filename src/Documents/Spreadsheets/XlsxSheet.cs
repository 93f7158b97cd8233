namespace Craftsman.Documents.Spreadsheets;

/// <summary>A worksheet being built: rows of cells, an optional frozen header and drop-down lists.</summary>
internal sealed class XlsxSheet(string name)
{
    public string Name { get; } = name;

    public List<IReadOnlyList<XlsxCell>> Rows { get; } = [];

    /// <summary>Freeze the first row so the header stays visible while scrolling.</summary>
    public bool FreezeHeader { get; set; } = true;

    /// <summary>Drop-down lists: zero-based column index → the allowed values, applied below the header.</summary>
    public Dictionary<int, IReadOnlyList<string>> Choices { get; } = [];

    public XlsxSheet Add(params XlsxCell[] cells)
    {
        Rows.Add(cells);
        return this;
    }

    public XlsxSheet Add(IEnumerable<XlsxCell> cells)
    {
        Rows.Add(cells.ToList());
        return this;
    }

    public XlsxSheet Header(params string[] titles) => Add(titles.Select(XlsxCell.Header));
}
