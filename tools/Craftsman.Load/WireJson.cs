using System.Text.Json;

namespace Craftsman.Load;

/// <summary>camelCase JSON, as the gateway speaks it, for the REST bodies, the worker lines and the --json report.</summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
