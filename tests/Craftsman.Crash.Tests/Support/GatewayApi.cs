using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;

namespace Craftsman.Crash.Tests.Support;

/// <summary>The gateway's REST interface as the organiser's console uses it, signed in with the organiser password.</summary>
public sealed class GatewayApi(Uri baseUri) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    private string? _token;

    public Uri BaseUri => baseUri;

    /// <summary>Signs the organiser in once; the token (and its signing key) outlives restarts of the gateway.</summary>
    public async Task SignInAsync()
    {
        var body = await SendAsync<JsonElement>(HttpMethod.Post, "api/auth/organiser", new { password = GatewayProcess.OrganiserPassword }, authorised: false);
        _token = body.GetProperty("token").GetString();
    }

    public async Task ImportAsync(EditionDocument document)
    {
        var result = await SendAsync<JsonElement>(HttpMethod.Post, $"api/editions/{document.Edition.Id}/import", document);
        if (!result.GetProperty("imported").GetBoolean())
            throw new InvalidOperationException($"Edition {document.Edition.Id} was not imported: {result}");
    }

    public Task CheckInAllAsync(string edition, string occupation) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"{Round(edition, occupation)}/check-in-all", new { });

    public Task MoveAsync(string edition, string occupation, RoundPhase phase) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"{Round(edition, occupation)}/phase", new { phase });

    /// <summary>Issues access codes for an occupation's panel and signs each judge in: judge id → token.</summary>
    public async Task<Dictionary<string, string>> SignInJudgesAsync(string edition, string occupation)
    {
        var codes = await SendAsync<JsonElement>(HttpMethod.Post, $"api/editions/{edition}/access-codes", new { occupation });
        var tokens = new Dictionary<string, string>();
        foreach (var code in codes.EnumerateArray())
        {
            var signedIn = await SendAsync<JsonElement>(HttpMethod.Post, "api/auth/judge",
                new { accessCode = code.GetProperty("code").GetString(), editionId = edition }, authorised: false);
            tokens[code.GetProperty("judgeId").GetString()!] = signedIn.GetProperty("token").GetString()!;
        }
        return tokens;
    }

    /// <summary>The ledger export (JSON Lines), as the verifier reads it.</summary>
    public async Task<string> LedgerAsync(string edition, string occupation)
    {
        using var request = Request(HttpMethod.Get, $"{Round(edition, occupation)}/ledger", null, authorised: true);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET ledger of {edition}/{occupation}: {(int)response.StatusCode} {text}");
        return text;
    }

    public Task<Scoresheet> ScoresheetAsync(string edition, string contestantId) =>
        SendAsync<Scoresheet>(HttpMethod.Get, $"api/editions/{edition}/contestants/{contestantId}/scoresheet", null);

    public Task<Board> LiveBoardAsync(string edition, string occupation) =>
        SendAsync<Board>(HttpMethod.Get, $"{Round(edition, occupation)}/live-board", null);

    public Task<Board> PublicBoardAsync(string edition, string occupation) =>
        SendAsync<Board>(HttpMethod.Get, $"{Round(edition, occupation)}/leaderboard", null, authorised: false);

    public Task<RoundStatus> StatusAsync(string edition, string occupation) =>
        SendAsync<RoundStatus>(HttpMethod.Get, $"{Round(edition, occupation)}/status", null);

    private static string Round(string edition, string occupation) => $"api/editions/{edition}/occupations/{occupation}";

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, bool authorised = true)
    {
        using var request = Request(method, path, body, authorised);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} /{path}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, Wire.Json) ?? throw new InvalidOperationException($"{method} /{path} answered nothing.");
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body, bool authorised)
    {
        var request = new HttpRequestMessage(method, path);
        if (authorised)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token ?? throw new InvalidOperationException("Sign the organiser in first."));
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: Wire.Json);
        return request;
    }

    public void Dispose() => _http.Dispose();
}
