using PdfSharp.Drawing;

namespace Craftsman.Documents.Pdf;

/// <summary>A table column: a two-line header (Chinese over English), its width in points and alignment.</summary>
internal sealed record PdfColumn(string Zh, string En, double Width, XStringAlignment Alignment = XStringAlignment.Near);
