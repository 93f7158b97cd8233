using System.Text.Json;

namespace Craftsman.Failover.Api;

/// <summary>A gateway's answer: the status, the JSON body when there was one, and a problem's "code" and "detail".</summary>
public sealed record ApiResponse(int Status, JsonElement? Body, string Text)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Code => Property("code");

    public string? Detail => Property("detail");

    public bool Retryable => Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("retryable", out var r) && r.ValueKind == JsonValueKind.True;

    /// <summary>"HTTP 503 ClusterUnavailable" — how errors are grouped in the report.</summary>
    public string Describe() => Code is { } code ? $"HTTP {Status} {code}" : $"HTTP {Status}";

    private string? Property(string name) =>
        Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
