using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Craftsman.Contracts.Marking;

namespace Craftsman.Gateway.Input;

/// <summary>
/// Enums by their exact written name only: no numbers, no other casing, and no comma lists
/// (System.Text.Json's own converter reads "checkIn, live" as a flag combination, which moved a
/// Live round to Review). Names are camelCase, except refusal codes, which are PascalCase
/// everywhere (REST and hubs).
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Exact<>).MakeGenericType(typeToConvert))!;

    public static string NameOf<T>(T value) where T : struct, Enum => Exact<T>.Names.GetValueOrDefault(value) ?? value.ToString();

    private sealed class Exact<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly bool Pascal = typeof(T) == typeof(MarkRejectionCode);

        // Frozen: every push writes its enums through here, once per board and per tablet.
        public static readonly FrozenDictionary<T, string> Names = Enum.GetValues<T>().Distinct()
            .ToFrozenDictionary(v => v, v => Pascal ? v.ToString() : JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

        private static readonly FrozenDictionary<string, T> Values = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        private static readonly string Allowed = string.Join(", ", Values.Keys.Order(StringComparer.Ordinal));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var allowed = Allowed;
            if (reader.TokenType != JsonTokenType.String)
                throw Refused($"One of {allowed} is required, not {StrictDecimalConverter.Describe(reader.TokenType)}.", allowed);
            var name = reader.GetString()!;
            return Values.TryGetValue(name, out var value)
                ? value
                : throw Refused($"'{(name.Length <= 40 ? name : name[..37] + "…")}' is not one of {allowed}.", allowed);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Names.GetValueOrDefault(value) ?? value.ToString());

        private static InputRefusedException Refused(string message, string allowed) =>
            new("InvalidValue", message, ImmutableDictionary<string, string>.Empty.Add("allowed", allowed));
    }
}
