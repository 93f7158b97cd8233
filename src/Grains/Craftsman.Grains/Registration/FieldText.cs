using System.Globalization;
using System.Text;

namespace Craftsman.Grains.Registration;

/// <summary>
/// How typed text is cleaned before it is checked and stored: Unicode compatibility form (so a
/// full-width "１２３４" is "1234"), trimmed, runs of white space made one space.
/// </summary>
public static class FieldText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var normal = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normal.Length);
        var space = false;
        foreach (var c in normal.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Like <see cref="Clean"/>, but keeps line breaks (a statement has paragraphs).</summary>
    public static string CleanParagraphs(string? text) =>
        string.Join('\n', (text ?? "").Normalize(NormalizationForm.FormKC).ReplaceLineEndings("\n").Split('\n').Select(Clean)).Trim('\n');

    /// <summary>
    /// The form two spellings of one name or employer share: no spaces, no punctuation or symbols
    /// (middle dots, brackets, dashes), case folded. "张 三" and "张三", "北京·机床（集团）" and
    /// "北京机床集团" are the same.
    /// </summary>
    public static string Comparable(string text) =>
        new([.. Clean(text).ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))]);

    /// <summary>True for characters no form field should hold (controls, format and unassigned characters).</summary>
    public static bool HasForbiddenCharacters(string text, bool allowLineBreaks = false) =>
        text.Any(c => !(allowLineBreaks && c == '\n') && CharUnicodeInfo.GetUnicodeCategory(c) is
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse);
}
