using System.IO.Compression;
using System.Text;

namespace Craftsman.Gateway.Tests.Support;

/// <summary>The page content of a PDF as text: every Flate stream inflated, so the Latin text the sheet draws can be searched.</summary>
public static class PdfContent
{
    public static string Text(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var text = new StringBuilder(raw);
        for (var at = raw.IndexOf("stream", StringComparison.Ordinal); at >= 0; at = raw.IndexOf("stream", at + 6, StringComparison.Ordinal))
        {
            if (at >= 3 && raw.AsSpan(at - 3, 3).SequenceEqual("end"))
                continue;
            var start = at + 6;
            while (start < raw.Length && raw[start] is '\r' or '\n')
                start++;
            var end = raw.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0)
                break;
            try
            {
                using var inflated = new ZLibStream(new MemoryStream(pdf, start, end - start), CompressionMode.Decompress);
                using var reader = new StreamReader(inflated, Encoding.Latin1);
                text.Append('\n').Append(reader.ReadToEnd());
            }
            catch (InvalidDataException)
            {
                // Not a Flate stream (an image or a font): nothing to read.
            }
        }
        return text.ToString();
    }
}
