namespace Craftsman.Documents.Spreadsheets;

/// <summary>
/// A cell as read from a workbook: its text (the shared or inline string, or the number exactly as
/// stored in the file) and whether the file stored it as a number.
/// </summary>
internal sealed record SheetCell(string Text, bool IsNumber);
