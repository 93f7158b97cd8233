using System.Text.Json;
using System.Text.Json.Serialization;

namespace Craftsman.Crash.Tests.Support;

/// <summary>The gateway's JSON: web defaults with enums as camelCase strings, as it writes them.</summary>
public static class Wire
{
    public static readonly JsonSerializerOptions Json = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
