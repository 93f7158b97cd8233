using System.Text.Json;
using System.Text.Json.Serialization;
using Craftsman.Contracts.Editions;

namespace Craftsman.Documents.Tests;

/// <summary>samples/edition-2020.json, and a JSON form of a document to compare documents by value.</summary>
internal static class SampleEdition
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static EditionDocument Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "edition-2020.json");
        return JsonSerializer.Deserialize<EditionDocument>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException("The sample edition is empty.");
    }

    /// <summary>Record equality compares ImmutableArrays by reference, so documents are compared through their JSON.</summary>
    public static string ToJson(EditionDocument document) => JsonSerializer.Serialize(document, Json);
}
