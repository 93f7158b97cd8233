namespace Craftsman.Documents.Spreadsheets;

/// <summary>The few cell styles the documents use; the values index the workbook's cell formats.</summary>
internal enum XlsxStyle : uint
{
    Default = 0,

    /// <summary>Bold, shaded: a header row.</summary>
    Header = 1,

    /// <summary>A number shown with two decimals (Excel rounds half away from zero for display); the stored value stays exact.</summary>
    Score = 2,

    /// <summary>Text format (@), so an organiser typing "007" in an id column keeps the leading zeros.</summary>
    Text = 3,

    /// <summary>A number shown like <see cref="Score"/> but struck through and grey: a mark dropped from the aggregate.</summary>
    DroppedScore = 4,
}
