using System.Globalization;
using Craftsman.Documents.Spreadsheets;

namespace Craftsman.Documents.Workbooks;

/// <summary>
/// Parses a cell as an exact decimal, invariantly ("0.5"; never "0,5"). Cells stored as numbers by a
/// spreadsheet program may carry a double's artefacts ("0.30000000000000004"): a number with more
/// than the 15 significant digits a double holds is rounded to 15, which restores what was typed.
/// </summary>
internal static class CellNumber
{
    private const int DoubleDigits = 15;

    public static bool TryParse(SheetCell cell, out decimal value)
    {
        var text = cell.Text.Trim();
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return false;
        if (cell.IsNumber && SignificantDigits(text) > DoubleDigits)
            value = ToDoublePrecision(value);
        return true;
    }

    private static int SignificantDigits(string text)
    {
        var mantissa = text.Split('e', 'E')[0];
        var digits = mantissa.Where(char.IsAsciiDigit).SkipWhile(d => d == '0').ToList();
        return digits.Count;
    }

    private static decimal ToDoublePrecision(decimal value)
    {
        if (value == 0m)
            return 0m;
        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(value)));
        var decimals = DoubleDigits - 1 - magnitude;
        if (decimals is < 0 or > 28)
            return value;
        // Dividing by 1.000… drops the trailing zeros the rounding leaves ("0.300000000000000" → "0.3").
        return Math.Round(value, decimals, MidpointRounding.ToEven) / 1.000000000000000000000000000000000m;
    }
}
