using Craftsman.Contracts.Input;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Craftsman.Gateway.Input;

/// <summary>
/// Reads a decimal from the JSON number's own text, before it becomes a decimal: at most
/// <see cref="InputRules.MaxDecimalPlaces"/> decimal places and a magnitude of at most
/// <see cref="InputRules.MaxMagnitude"/>, so 1e-30 is refused rather than stored as 0 and
/// 50.0000000000000000000000000001 rather than rounded to 50. Strings ("5"), NaN and Infinity are
/// not JSON numbers and are refused too.
/// </summary>
public sealed class StrictDecimalConverter : JsonConverter<decimal>
{
    public const string Code = "InvalidNumber";

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw Refused($"A number is required, not {Describe(reader.TokenType)}.");
        var text = reader.HasValueSequence ? Encoding.ASCII.GetString(reader.ValueSequence) : Encoding.ASCII.GetString(reader.ValueSpan);
        return Parse(text);
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>The exact value of a JSON number's text, or the refusal (the JSON reader has already checked the grammar).</summary>
    public static decimal Parse(string text)
    {
        var negative = text.StartsWith('-');
        var i = negative ? 1 : 0;
        var digits = new StringBuilder();
        var exponent = 0L;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
            digits.Append(text[i]);
        if (i < text.Length && text[i] == '.')
            for (i++; i < text.Length && char.IsAsciiDigit(text[i]); i++)
            {
                digits.Append(text[i]);
                exponent--;
            }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var sign = 1;
            if (i < text.Length && text[i] is '+' or '-')
                sign = text[i++] == '-' ? -1 : 1;
            var e = 0L;
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
                e = Math.Min(e * 10 + (text[i] - '0'), 1_000_000);
            exponent += sign * e;
        }
        var significant = digits.ToString().TrimStart('0');
        var trailing = significant.Length - significant.TrimEnd('0').Length;
        significant = significant[..^trailing];
        exponent += trailing;
        if (significant.Length == 0)
            return 0m;
        if (exponent < -InputRules.MaxDecimalPlaces)
            throw Refused($"A number has at most {InputRules.MaxDecimalPlaces} decimal places; {Shorten(text)} has more.");
        if (significant.Length + exponent > InputRules.MaxMagnitude.ToString(CultureInfo.InvariantCulture).Length)
            throw Refused($"A number lies between -{InputRules.MaxMagnitude} and {InputRules.MaxMagnitude}; {Shorten(text)} does not.");
        var value = decimal.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture);
        for (; exponent > 0; exponent--) value *= 10;
        for (; exponent < 0; exponent++) value /= 10;
        if (value > InputRules.MaxMagnitude)
            throw Refused($"A number lies between -{InputRules.MaxMagnitude} and {InputRules.MaxMagnitude}; {Shorten(text)} does not.");
        return negative ? -value : value;
    }

    private static InputRefusedException Refused(string message) => new(Code, message, ImmutableDictionary<string, string>.Empty
        .Add("maxDecimalPlaces", InputRules.MaxDecimalPlaces.ToString(CultureInfo.InvariantCulture))
        .Add("maxMagnitude", InputRules.MaxMagnitude.ToString(CultureInfo.InvariantCulture)));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
