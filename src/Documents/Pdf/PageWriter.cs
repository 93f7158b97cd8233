using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Craftsman.Documents.Pdf;

/// <summary>
/// Lays text and tables down A4 portrait pages from the top, starting a new page when the next block
/// does not fit, and afterwards stamps every page with a footer that knows the page count.
/// </summary>
internal sealed class PageWriter : IDisposable
{
    public const double Margin = 36;
    private const double TopMargin = 40;
    private const double FooterHeight = 58;

    private readonly PdfDocument document;
    private XGraphics? graphics;

    public PageWriter(PdfDocument document)
    {
        this.document = document;
        NewPage();
    }

    public double Y { get; set; }

    public double Left => Margin;

    public double Width => PageWidth - 2 * Margin;

    public double PageWidth { get; private set; }

    public double PageHeight { get; private set; }

    private double Bottom => PageHeight - FooterHeight;

    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("No page is open.");

    public void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        PageWidth = page.Width.Point;
        PageHeight = page.Height.Point;
        graphics = XGraphics.FromPdfPage(page);
        Y = TopMargin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one; true when it did.</summary>
    public bool EnsureSpace(double height)
    {
        if (Y + height <= Bottom)
            return false;
        NewPage();
        return true;
    }

    /// <summary>Whether a block of this height fits on an empty page at all.</summary>
    public bool FitsOnOnePage(double height) => height <= Bottom - TopMargin;

    public double Measure(string text, double size, bool bold = false) => PdfText.Measure(Graphics, text, size, bold);

    /// <summary>Draws <paramref name="text"/> in the box, cut with an ellipsis when too wide; returns the x where it starts.</summary>
    public double Text(string text, double x, double y, double width, double height, double size, bool bold, XBrush brush,
        XStringAlignment alignment = XStringAlignment.Near) =>
        PdfText.Draw(Graphics, PdfText.Fit(Graphics, text, size, bold, width), size, bold, brush, new XRect(x, y, width, height), alignment);

    /// <summary>Writes one line at the cursor and moves the cursor below it.</summary>
    public void Line(string text, double size, bool bold = false, XBrush? brush = null, double spacing = 1.4)
    {
        var height = size * spacing;
        EnsureSpace(height);
        Text(text, Left, Y, Width, height, size, bold, brush ?? XBrushes.Black);
        Y += height;
    }

    /// <summary>Writes a paragraph at the cursor, wrapped to <paramref name="width"/> (default: the text width), starting at <paramref name="indent"/>.</summary>
    public void Paragraph(string text, double size, bool bold = false, XBrush? brush = null, double indent = 0, double spacing = 1.4)
    {
        foreach (var line in PdfText.Wrap(Graphics, text, size, bold, Width - indent))
        {
            var height = size * spacing;
            EnsureSpace(height);
            Text(line, Left + indent, Y, Width - indent, height, size, bold, brush ?? XBrushes.Black);
            Y += height;
        }
    }

    /// <summary>Draws every page's footer once the page count is known.</summary>
    public void Footers(Action<XGraphics, int, int, XRect> draw)
    {
        graphics?.Dispose();
        graphics = null;
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[i];
            using var footerGraphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var area = new XRect(Margin, page.Height.Point - FooterHeight + 8, page.Width.Point - 2 * Margin, FooterHeight - 20);
            draw(footerGraphics, i + 1, count, area);
        }
    }

    public void Dispose()
    {
        graphics?.Dispose();
        graphics = null;
    }
}
