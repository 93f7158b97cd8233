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
        if (writer.EnsureSpace(RowHeight))
            Header();
        var g = writer.Graphics;
        if (shaded)
            g.DrawRectangle(new XSolidBrush(ShadedFill), writer.Left, writer.Y, columns.Sum(c => c.Width), RowHeight);
        var x = writer.Left;
        for (var i = 0; i < columns.Count && i < cells.Count; i++)
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
        writer.Y += RowHeight;
        Rule(0.25);
    }

    private void Rule(double thickness) =>
        writer.Graphics.DrawLine(new XPen(RuleColor, thickness), writer.Left, writer.Y, writer.Left + columns.Sum(c => c.Width), writer.Y);
}
