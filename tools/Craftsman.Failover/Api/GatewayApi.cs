using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Craftsman.Failover.Api;

/// <summary>
/// The gateways' REST API as the drills use it. Set-up and read calls go through <see cref="RetryAsync{T}"/>,
/// which moves to the next gateway and tries again (bounded) when one is down or answers 5xx.
/// </summary>
public sealed class GatewayApi : IDisposable
{
    private readonly HttpClient _http;

    public GatewayApi(IReadOnlyList<Uri> gateways, string edition)
    {
        Gateways = gateways;
        Edition = edition;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 256,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    public IReadOnlyList<Uri> Gateways { get; }

    public string Edition { get; }

    public string EditionPath => $"api/editions/{Uri.EscapeDataString(Edition)}";

    public async Task<ApiResponse> SendAsync(HttpMethod method, Uri gateway, string path, string? token, object? body, TimeSpan timeout, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        using var request = new HttpRequestMessage(method, new Uri(gateway, path));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: Json.Options);
        using var response = await _http.SendAsync(request, limit.Token);
        var text = await response.Content.ReadAsStringAsync(limit.Token);
        JsonElement? json = null;
        if (text.Length > 0 && (text[0] == '{' || text[0] == '['))
        {
            try
            {
                json = JsonSerializer.Deserialize<JsonElement>(text);
            }
            catch (JsonException)
            {
                // keep the text for the report
            }
        }
        return new ApiResponse((int)response.StatusCode, json, text);
    }

    /// <summary>
    /// A set-up or read call that should succeed: retried on transport errors, timeouts and 5xx,
    /// over the gateways in turn starting at <paramref name="first"/>, until <paramref name="budget"/> is spent.
    /// </summary>
    public async Task<JsonElement> RetryAsync(string what, HttpMethod method, string path, string? token, object? body,
        TimeSpan budget, CancellationToken cancel, int first = 0, Func<ApiResponse, bool>? acceptable = null)
    {
        var deadline = RunClock.Now + budget;
        var attempt = 0;
        Exception? last = null;
        while (RunClock.Now < deadline)
        {
            var gateway = Gateways[(first + attempt++) % Gateways.Count];
            try
            {
                var response = await SendAsync(method, gateway, path, token, body, TimeSpan.FromSeconds(15), cancel);
                if (response.IsSuccess || acceptable?.Invoke(response) == true)
                    return response.Body ?? default;
                if (response.Status < 500 && response.Status != 429)
                    throw new ApiException($"{method} /{path} at {gateway}", response);
                last = new ApiException($"{method} /{path} at {gateway}", response);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                last = e;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 250 * attempt)), cancel);
        }
        throw new TimeoutException($"{method} /{path} did not succeed within {budget.TotalSeconds:F0}s: {last?.Message}", last);
    }

    /// <summary>GET /health of one gateway: its status code, or 0 when it does not answer.</summary>
    public async Task<int> HealthAsync(Uri gateway, CancellationToken cancel)
    {
        try
        {
            return (await SendAsync(HttpMethod.Get, gateway, "health", null, null, TimeSpan.FromSeconds(3), cancel)).Status;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            return 0;
        }
    }

    public void Dispose() => _http.Dispose();
}
