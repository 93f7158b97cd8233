using System.Collections.Concurrent;
using PdfSharp.Drawing;

namespace Craftsman.Documents.Pdf;

/// <summary>
/// Draws and measures mixed Chinese/Latin text: the string is cut into runs, CJK characters in the
/// CJK font and everything else in the Latin font (see <see cref="PdfFontResolver"/>), drawn on
/// one baseline. Pure ASCII runs stay plain text in the page content (WinAnsi encoding).
/// </summary>
internal static class PdfText
{
    private static readonly ConcurrentDictionary<(bool Cjk, double Size, bool Bold), XFont> Fonts = new();

    public static XFont Font(bool cjk, double size, bool bold) =>
        Fonts.GetOrAdd((cjk, size, bold), key => new XFont(
            key.Cjk ? PdfFontResolver.CjkFamily : PdfFontResolver.LatinFamily,
            key.Size,
            key.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular));

    /// <summary>CJK ideographs, kana, hangul, CJK punctuation and full-width forms (e.g. "（" and "："): the characters the Latin font lacks.</summary>
    public static bool IsCjk(char ch) =>
        ch is >= '\u2E80' and <= '\u9FFF' or >= '\uA960' and <= '\uA97F' or >= '\uAC00' and <= '\uD7FF'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFFEF';

    public static IEnumerable<(string Text, bool Cjk)> Runs(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || IsCjk(text[i]) != IsCjk(text[start]))
            {
                yield return (text[start..i], IsCjk(text[start]));
                start = i;
            }
        }
    }

    public static double Measure(XGraphics g, string text, double size, bool bold) =>
        Runs(text).Sum(run => g.MeasureString(run.Text, Font(run.Cjk, size, bold)).Width);

    /// <summary>The size at which the text fits <paramref name="width"/>, shrinking by at most <paramref name="least"/> (a fraction of <paramref name="size"/>).</summary>
    public static double Shrink(XGraphics g, string text, double size, bool bold, double width, double least = 0.8)
    {
        var measured = Measure(g, text, size, bold);
        return measured <= width ? size : Math.Max(size * least, Math.Floor(size * width / measured * 10) / 10);
    }

    /// <summary>Cuts the text with an ellipsis so it fits <paramref name="width"/>.</summary>
    public static string Fit(XGraphics g, string text, double size, bool bold, double width)
    {
        if (text.Length == 0 || Measure(g, text, size, bold) <= width)
            return text;
        var cut = text;
        while (cut.Length > 1 && Measure(g, cut + "…", size, bold) > width)
            cut = cut[..^1];
        return cut + "…";
    }

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>: between words, and between any two ideographs.</summary>
    public static List<string> Wrap(XGraphics g, string text, double size, bool bold, double width)
    {
        var tokens = new List<string>();
        var word = "";
        foreach (var ch in text)
        {
            if (IsCjk(ch) || ch == ' ')
            {
                if (word.Length > 0) tokens.Add(word);
                tokens.Add(ch.ToString());
                word = "";
            }
            else
            {
                word += ch;
            }
        }
        if (word.Length > 0) tokens.Add(word);

        var lines = new List<string>();
        var line = "";
        foreach (var token in tokens)
        {
            if (line.Length > 0 && Measure(g, line + token, size, bold) > width)
            {
                lines.Add(line.TrimEnd());
                line = token == " " ? "" : token;
            }
            else
            {
                line += token;
            }
        }
        if (line.Trim().Length > 0) lines.Add(line.TrimEnd());
        return lines;
    }

    /// <summary>Draws one line vertically centred in <paramref name="box"/>; returns the x where the text starts.</summary>
    public static double Draw(XGraphics g, string text, double size, bool bold, XBrush brush, XRect box, XStringAlignment alignment = XStringAlignment.Near)
    {
        var width = Measure(g, text, size, bold);
        var x = alignment switch
        {
            XStringAlignment.Far => box.Right - width,
            XStringAlignment.Center => box.Left + (box.Width - width) / 2,
            _ => box.Left,
        };
        // The baseline sits so that Latin capitals are centred; ideographs then reach a little lower.
        var baseline = box.Top + box.Height / 2 + 0.36 * size;
        var start = x;
        foreach (var (run, cjk) in Runs(text))
        {
            var font = Font(cjk, size, bold);
            g.DrawString(run, font, brush, x, baseline);
            x += g.MeasureString(run, font).Width;
        }
        return start;
    }
}
