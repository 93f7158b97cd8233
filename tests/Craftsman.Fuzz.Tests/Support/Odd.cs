using CsCheck;

namespace Craftsman.Fuzz.Tests.Support;

/// <summary>The odd values a fuzz case is made of: strings, numbers and JSON fragments that have broken servers before.</summary>
public static class Odd
{
    public static readonly string[] Strings =
    [
        "", " ", "  \t", "\0", "a\0b", "\u202Eevil", "zero\u200Bwidth", "\uFEFFbom", "\uD800", "😀", "北京大工匠",
        "../../etc/passwd", "a/b", "%00", "%2F", "<script>alert(1)</script>", "' OR 1=1 --", "null", "true", "NaN",
        "checkIn, live", "Live", "LIVE", "1", "-1", "2020 ", " 2020", "C001\u200D", "P3\u0000",
        new string('x', 65), new string('y', 129), new string('z', 5000), new string('漢', 3000),
    ];

    /// <summary>JSON texts in a value position: wrong types, absurd and invalid numbers.</summary>
    public static readonly string[] JsonValues =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "15.5", "0.25", "2147483648", "-9223372036854775809",
        "1e28", "1E+28", "1e-30", "1e999", "-1e999", "50.0000000000000000000000000001", "0.00001", "1000000.0001",
        "NaN", "Infinity", "-Infinity", ".5", "+5", "0x10", "05", "1.", "1e", "\"5\"", "\"\"", "\" \"", "[]", "[1,2]",
        "{}", "{\"a\":1}", "\"\\u0000\"", "\"\\u202E\"", "\"\\uD800\"", "[[[[[[[[[[]]]]]]]]]]",
    ];

    public static Gen<string> String => Gen.Frequency(
        (4, Gen.OneOf(Strings)),
        (1, Gen.String[Gen.Char, 0, 40]),
        (1, Gen.String[Gen.Char.AlphaNumeric, 1, 12]));

    public static Gen<string> JsonString => String.Select(s => System.Text.Json.JsonSerializer.Serialize(s));

    public static Gen<string> JsonValue => Gen.Frequency((3, Gen.OneOf(JsonValues)), (2, JsonString));

    public static string Escape(string s) => Uri.EscapeDataString(s);
}
