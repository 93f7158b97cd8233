using System.Globalization;

namespace Craftsman.Documents.Formatting;

/// <summary>Scores are exact decimals in the data and shown rounded half away from zero to 2 places (DESIGN.md §2).</summary>
public static class ScoreFormat
{
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>"16.17" for 16.1666…; "" for no value.</summary>
    public static string Display(decimal? value) =>
        value is { } v ? Round(v).ToString("0.00", CultureInfo.InvariantCulture) : "";

    /// <summary>A single judge's mark as entered (marks lie on the criterion's step): "16.5", "18", "0.25".</summary>
    public static string Mark(decimal value) => Round(value).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The exact value with every digit it carries, invariant culture.</summary>
    public static string Exact(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
