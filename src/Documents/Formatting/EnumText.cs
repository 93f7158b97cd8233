using System.Collections.Frozen;

namespace Craftsman.Documents.Formatting;

/// <summary>
/// Enum values as the documents spell them: the camelCase names of samples/edition-2020.json
/// ("seed", "challenger", "chief", "judgement", "competition", …). Parsing accepts exactly these
/// names (any letter case), never numbers.
/// </summary>
internal static class EnumText
{
    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(text.Trim(), out value);

    public static IReadOnlyList<string> Allowed<T>() where T : struct, Enum => Names<T>.All;

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => char.ToLowerInvariant(v.ToString()[0]) + v.ToString()[1..]);

        public static readonly FrozenDictionary<string, T> ByName =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<T>().Select(v => ByValue[v])];
    }
}
