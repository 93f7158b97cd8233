using PdfSharp.Drawing;

namespace Craftsman.Documents.Pdf;

/// <summary>
/// A table column: a two-line header (Chinese over English), its width in points and alignment;
/// a wrapping column breaks long text (names, employers) onto more lines instead of cutting it.
/// </summary>
internal sealed record PdfColumn(string Zh, string En, double Width, XStringAlignment Alignment = XStringAlignment.Near, bool Wrap = false);
