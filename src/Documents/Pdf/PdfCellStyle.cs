namespace Craftsman.Documents.Pdf;

internal enum PdfCellStyle
{
    Normal,
    Bold,

    /// <summary>A mark dropped from the aggregate: bracketed, grey and struck through.</summary>
    Dropped,

    Muted,

    /// <summary>A flag the chief judge must resolve, or an open problem.</summary>
    Warning,
}
