namespace Craftsman.Documents.Pdf;

/// <summary>No font with Chinese glyphs was found for the PDF result sheet; the message says what to install.</summary>
public sealed class PdfFontNotFoundException(string message) : Exception(message);
