using System.Text.Json;
using System.Text.Json.Serialization;
using Craftsman.Contracts.Editions;

namespace Craftsman.Silo.Seeding;

/// <summary>The edition document format (samples/edition-2020.json), and the sample bundled into this assembly.</summary>
public static class SampleEdition
{
    public const string EditionId = "2020";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static EditionDocument Load()
    {
        using var stream = typeof(SampleEdition).Assembly.GetManifestResourceStream("Craftsman.Silo.edition-2020.json")
            ?? throw new InvalidOperationException("The sample edition is not embedded in the silo assembly.");
        return JsonSerializer.Deserialize<EditionDocument>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The sample edition is empty.");
    }
}
