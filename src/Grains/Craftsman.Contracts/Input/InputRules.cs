using Craftsman.Contracts.Editions;
namespace Craftsman.Contracts.Input;

/// <summary>
/// What an id, an idempotency key and a mark's value may look like, wherever they come from (the
/// API, a hub, an import). Ids and keys are plain ASCII so that nothing invisible or direction-
/// changing (NUL, bidi overrides, zero-width characters) can reach the ledger or a printed card;
/// values are bounded and short so that decimal arithmetic can neither overflow nor round.
/// </summary>
public static class InputRules
{
    /// <summary>Ids of editions, occupations, schemes, modules, criteria, contestants, judges and officials.</summary>
    public const int MaxIdLength = 64;

    public const int MaxKeyLength = 128;

    /// <summary>A mark, a maximum, a step or a tolerance has at most this many decimal places.</summary>
    public const int MaxDecimalPlaces = 4;

    /// <summary>No mark, maximum, step or tolerance exceeds this magnitude.</summary>
    public const decimal MaxMagnitude = 1_000_000m;

    /// <summary>Names, employers, reasons and grounds: long enough for any real one, short enough for one cell.</summary>
    public const int MaxTextLength = 2_000;

    public const string IdCharacters = "ASCII letters, digits, '.', '_' and '-'";

    public const string KeyCharacters = "ASCII letters, digits, '.', '_', ':' and '-'";

    public static bool IsId(string? value) =>
        value is { Length: > 0 and <= MaxIdLength } && value.All(c => IsIdChar(c));

    /// <summary>A round in an address: an occupation's code, or "{occupation}~{stage}" for a stage that is not its main round.</summary>
    public static bool IsRoundCode(string? value) =>
        value is not null && StageKey.FromRoundCode("", value) is var round
            && IsId(round.OccupationCode) && (round.StageId is null || IsId(round.StageId));

    public static bool IsKey(string? value) =>
        value is { Length: > 0 and <= MaxKeyLength } && value.All(c => IsIdChar(c) || c == ':');

    /// <summary>Free text may hold any language, but no control, format (zero-width, bidi) or unpaired surrogate characters.</summary>
    public static bool IsText(string? value, int maxLength = MaxTextLength)
    {
        if (value is null || value.Length > maxLength)
            return false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                    return false;
                i++;
                continue;
            }
            if (char.IsLowSurrogate(c) || char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                return false;
            if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
                return false;
        }
        return true;
    }

    /// <summary>Whether a decimal is within the magnitude and the decimal places every mark and scheme number keeps to.</summary>
    public static bool IsBoundedNumber(decimal value) =>
        Math.Abs(value) <= MaxMagnitude && DecimalPlaces(value) <= MaxDecimalPlaces;

    /// <summary>Decimal places once trailing zeros are dropped (2.500 has 1).</summary>
    public static int DecimalPlaces(decimal value)
    {
        var scale = (int)((decimal.GetBits(value)[3] >> 16) & 0xFF);
        var normalized = value;
        while (scale > 0 && normalized == decimal.Round(normalized, scale - 1))
        {
            normalized = decimal.Round(normalized, scale - 1);
            scale--;
        }
        return scale;
    }

    private static bool IsIdChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-';
}
