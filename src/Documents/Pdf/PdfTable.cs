using PdfSharp.Drawing;

namespace Craftsman.Documents.Pdf;

/// <summary>Draws a table row by row at the writer's cursor, repeating the header on every new page.</summary>
internal sealed class PdfTable(PageWriter writer, IReadOnlyList<PdfColumn> columns, double fontSize)
{
    private const double Padding = 2.5;
    private static readonly XColor HeaderFill = XColor.FromArgb(232, 236, 242);
    private static readonly XColor ShadedFill = XColor.FromArgb(246, 247, 249);
    private static readonly XColor RuleColor = XColor.FromArgb(200, 204, 210);
    private static readonly XColor Grey = XColor.FromArgb(120, 120, 120);
    private static readonly XColor Red = XColor.FromArgb(176, 32, 32);

    public double RowHeight => fontSize * 1.8;

    public double HeaderHeight => fontSize * 3.3;

    public double Height(int rows) => HeaderHeight + rows * RowHeight;

    /// <summary>Lines beyond the first add this much to a row of a wrapping column.</summary>
    private double LineHeight => fontSize * 1.25;

    /// <summary>At most this many lines per cell; a longer text is cut with an ellipsis on the last.</summary>
    private const int MaxLines = 4;

    public void Header()
    {
        writer.EnsureSpace(HeaderHeight + RowHeight);
        var g = writer.Graphics;
        g.DrawRectangle(new XSolidBrush(HeaderFill), writer.Left, writer.Y, columns.Sum(c => c.Width), HeaderHeight);
        var x = writer.Left;
        foreach (var column in columns)
        {
            var inner = column.Width - 2 * Padding;
            var zh = PdfText.Shrink(g, column.Zh, fontSize, true, inner, least: 0.7);
            var en = PdfText.Shrink(g, column.En, fontSize * 0.82, false, inner, least: 0.8);
            writer.Text(column.Zh, x + Padding, writer.Y + 1, inner, HeaderHeight / 2, zh, true, XBrushes.Black, column.Alignment);
            writer.Text(column.En, x + Padding, writer.Y + HeaderHeight / 2 - 1, inner, HeaderHeight / 2, en, false, new XSolidBrush(Grey), column.Alignment);
            x += column.Width;
        }
        writer.Y += HeaderHeight;
        Rule(0.6);
    }

    public void Row(IReadOnlyList<PdfCell> cells, bool shaded = false)
    {
        var g = writer.Graphics;
        var lines = new List<string>[Math.Min(columns.Count, cells.Count)];
        for (var i = 0; i < lines.Length; i++)
            lines[i] = Lines(g, columns[i], cells[i]);
        var height = RowHeight + (lines.Length == 0 ? 0 : lines.Max(l => l.Count) - 1) * LineHeight;
        if (writer.EnsureSpace(height))
            Header();
        g = writer.Graphics;
        if (shaded)
            g.DrawRectangle(new XSolidBrush(ShadedFill), writer.Left, writer.Y, columns.Sum(c => c.Width), height);
        var x = writer.Left;
        for (var i = 0; i < lines.Length; i++)
        {
            var column = columns[i];
            var cell = cells[i];
            var bold = cell.Style is PdfCellStyle.Bold or PdfCellStyle.Warning;
            var brush = new XSolidBrush(cell.Style switch
            {
                PdfCellStyle.Dropped or PdfCellStyle.Muted => Grey,
                PdfCellStyle.Warning => Red,
                _ => XColors.Black,
            });
            var inner = column.Width - 2 * Padding;
            if (lines[i].Count > 1)
            {
                // Wrapped text starts at the top of the row, one line under another.
                var top = writer.Y + (RowHeight - LineHeight) / 2;
                foreach (var line in lines[i])
                {
                    writer.Text(line, x + Padding, top, inner, LineHeight, fontSize, bold, brush, column.Alignment);
                    top += LineHeight;
                }
                x += column.Width;
                continue;
            }
            var size = PdfText.Shrink(g, cell.Text, fontSize, bold, inner);
            var text = PdfText.Fit(g, cell.Text, size, bold, inner);
            var start = writer.Text(text, x + Padding, writer.Y, inner, RowHeight, size, bold, brush, column.Alignment);
            if (cell.Style == PdfCellStyle.Dropped && text.Length > 0)
            {
                // A line through the middle of the digits, so a dropped mark reads as struck out on paper too.
                var width = writer.Measure(text, size, bold);
                var middle = writer.Y + RowHeight / 2;
                g.DrawLine(new XPen(XColors.Black, 0.7), start - 0.5, middle, start + width + 0.5, middle);
            }
            x += column.Width;
        }
        writer.Y += height;
        Rule(0.25);
    }

    /// <summary>A wrapping column's text as lines (one line when it fits, or the column does not wrap).</summary>
    private List<string> Lines(XGraphics g, PdfColumn column, PdfCell cell)
    {
        var inner = column.Width - 2 * Padding;
        var bold = cell.Style is PdfCellStyle.Bold or PdfCellStyle.Warning;
        if (!column.Wrap || PdfText.Measure(g, cell.Text, fontSize, bold) <= inner)
            return [cell.Text];
        var lines = PdfText.Wrap(g, cell.Text, fontSize, bold, inner);
        // A single word wider than the column is cut, never drawn past its edge.
        lines = [.. lines.Select(l => PdfText.Fit(g, l, fontSize, bold, inner))];
        if (lines.Count > MaxLines)
            lines = [.. lines.Take(MaxLines - 1), PdfText.Fit(g, string.Join(" ", lines.Skip(MaxLines - 1)), fontSize, bold, inner)];
        return lines.Count == 0 ? [""] : lines;
    }

    private void Rule(double thickness) =>
        writer.Graphics.DrawLine(new XPen(RuleColor, thickness), writer.Left, writer.Y, writer.Left + columns.Sum(c => c.Width), writer.Y);
}
