namespace Craftsman.Failover.Api;

/// <summary>A set-up or read call the gateway refused.</summary>
public sealed class ApiException(string what, ApiResponse response)
    : Exception($"{what} answered {response.Describe()}: {Shorten(response.Detail ?? response.Text)}")
{
    public ApiResponse Response { get; } = response;

    internal static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
