using System.Text.Json;
using System.Text.Json.Serialization;

namespace Craftsman.Gateway.Input;

/// <summary>The one set of JSON rules for REST bodies and hub arguments.</summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        // Refusal codes first: they are PascalCase like REST's, every other enum camelCase, all by exact name.
        options.Converters.Add(new StrictEnumConverter());
        options.Converters.Add(new StrictDecimalConverter());
        // A repeated key ({"phase":"live","phase":"draft"}) is ambiguous: which one did the sender mean?
        options.AllowDuplicateProperties = false;
        // A field the server does not know is a mistake the sender should hear about, not silently dropped.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
    }
}
