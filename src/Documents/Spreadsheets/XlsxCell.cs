using System.Globalization;

namespace Craftsman.Documents.Spreadsheets;

/// <summary>One cell to write: either text or a number (written with its exact decimal digits), never both.</summary>
internal readonly record struct XlsxCell(string? Text, decimal? Number, XlsxStyle Style)
{
    public static readonly XlsxCell Empty = new(null, null, XlsxStyle.Default);

    public bool IsEmpty => Text is null && Number is null;

    public static XlsxCell Of(string? text) => new(text, null, XlsxStyle.Default);

    public static XlsxCell Id(string? text) => new(text, null, XlsxStyle.Text);

    public static XlsxCell Header(string text) => new(text, null, XlsxStyle.Header);

    public static XlsxCell Of(decimal? number) => new(null, number, XlsxStyle.Default);

    public static XlsxCell Of(long number) => new(null, number, XlsxStyle.Default);

    public static XlsxCell Score(decimal? number) => new(null, number, XlsxStyle.Score);

    public static XlsxCell DroppedScore(decimal? number) => new(null, number, XlsxStyle.DroppedScore);

    public static implicit operator XlsxCell(string? text) => Of(text);

    public string DisplayText => Text ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "";
}
