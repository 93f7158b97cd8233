namespace Craftsman.Documents.Pdf;

internal readonly record struct PdfCell(string Text, PdfCellStyle Style = PdfCellStyle.Normal)
{
    public static implicit operator PdfCell(string text) => new(text);
}
