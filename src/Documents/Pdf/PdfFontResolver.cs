using PdfSharp.Fonts;

namespace Craftsman.Documents.Pdf;

/// <summary>
/// Gives PDFsharp the two fonts of the result sheet. PDFsharp 6 loads single TrueType-outline font
/// files only (no .ttc collections, so not fonts-noto-cjk or fonts-wqy-*), and no free .ttf in
/// Debian covers both scripts well, so text is drawn in runs:
/// <list type="bullet">
/// <item><see cref="CjkFamily"/>: Droid Sans Fallback from the Debian package <c>fonts-droid-fallback</c>
/// (Apache-2.0; Chinese, no Latin); bold is simulated. Override with <see cref="CjkFontVariable"/>.</item>
/// <item><see cref="LatinFamily"/>: DejaVu Sans (and DejaVu Sans Bold) from <c>fonts-dejavu-core</c>
/// (free licence; Latin, digits, punctuation). Override with <see cref="LatinFontVariable"/>.</item>
/// </list>
/// Families other than these go to the <c>inner</c> resolver, so a host with its own resolver can chain it.
/// </summary>
public sealed class PdfFontResolver : IFontResolver
{
    public const string CjkFamily = "Craftsman CJK";
    public const string LatinFamily = "Craftsman Latin";
    public const string CjkFontVariable = "CRAFTSMAN_PDF_CJK_FONT";
    public const string LatinFontVariable = "CRAFTSMAN_PDF_LATIN_FONT";
    public const string CjkPackage = "fonts-droid-fallback";
    public const string LatinPackage = "fonts-dejavu-core";

    private const string CjkFace = "craftsman-cjk";
    private const string LatinFace = "craftsman-latin";
    private const string LatinBoldFace = "craftsman-latin-bold";

    /// <summary>Where the Chinese font is looked for, in order, after <see cref="CjkFontVariable"/>.</summary>
    public static readonly IReadOnlyList<string> CjkPaths =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts-droid-fallback/truetype/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
        "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
        "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
        @"C:\Windows\Fonts\simhei.ttf",
    ];

    /// <summary>Where the Latin font is looked for, in order, after <see cref="LatinFontVariable"/>.</summary>
    public static readonly IReadOnlyList<string> LatinPaths =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        @"C:\Windows\Fonts\arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
    ];

    private readonly IFontResolver? inner;
    private readonly Lazy<byte[]> cjk;
    private readonly Lazy<byte[]> latin;
    private readonly Lazy<byte[]>? latinBold;

    /// <exception cref="PdfFontNotFoundException">A font is missing; the message says which package to install.</exception>
    public PdfFontResolver(IFontResolver? inner = null)
    {
        this.inner = inner;
        CjkPath = FindFontFile(Environment.GetEnvironmentVariable(CjkFontVariable), CjkFontVariable, CjkPaths, CjkPackage, "with Chinese glyphs");
        LatinPath = FindFontFile(Environment.GetEnvironmentVariable(LatinFontVariable), LatinFontVariable, LatinPaths, LatinPackage, "for Latin text");
        LatinBoldPath = BoldSibling(LatinPath);
        cjk = new Lazy<byte[]>(() => File.ReadAllBytes(CjkPath));
        latin = new Lazy<byte[]>(() => File.ReadAllBytes(LatinPath));
        latinBold = LatinBoldPath is null ? null : new Lazy<byte[]>(() => File.ReadAllBytes(LatinBoldPath));
    }

    public string CjkPath { get; }

    public string LatinPath { get; }

    /// <summary>The bold face beside the Latin font (DejaVuSans-Bold.ttf), or null when bold is simulated.</summary>
    public string? LatinBoldPath { get; }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (string.Equals(familyName, CjkFamily, StringComparison.OrdinalIgnoreCase))
            return new FontResolverInfo(CjkFace, bold, italic);
        if (string.Equals(familyName, LatinFamily, StringComparison.OrdinalIgnoreCase))
            return bold && latinBold is not null ? new FontResolverInfo(LatinBoldFace, false, italic) : new FontResolverInfo(LatinFace, bold, italic);
        return inner?.ResolveTypeface(familyName, bold, italic);
    }

    public byte[]? GetFont(string faceName) => faceName switch
    {
        CjkFace => cjk.Value,
        LatinFace => latin.Value,
        LatinBoldFace => latinBold?.Value ?? latin.Value,
        _ => inner?.GetFont(faceName),
    };

    internal static string FindFontFile(string? configured, string variable, IReadOnlyList<string> candidates, string package, string purpose)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new PdfFontNotFoundException($"{variable} names '{configured}', which does not exist. Point it at a TrueType (.ttf) font {purpose}, or unset it and install the Debian package {package}.");
        }
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new PdfFontNotFoundException(
                $"No TrueType font {purpose} was found for the PDF result sheet. Install the Debian package {package} " +
                $"(apt-get install {package}), or set {variable} to a .ttf font {purpose}. Looked in: {string.Join(", ", candidates)}.");
    }

    private static string? BoldSibling(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? "";
        var name = Path.GetFileNameWithoutExtension(path);
        var bold = Path.Combine(directory, name + "-Bold" + Path.GetExtension(path));
        return File.Exists(bold) ? bold : null;
    }
}
