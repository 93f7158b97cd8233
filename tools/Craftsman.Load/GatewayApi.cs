using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Craftsman.Load;

/// <summary>The gateway's REST calls the tool needs: sign-ins, access codes, phases, definitions, process figures.</summary>
public sealed class GatewayApi(Uri gateway, int? gatewayPid) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<string> SignInOrganiserAsync(string password, CancellationToken cancel)
    {
        var body = await SendAsync(HttpMethod.Post, "api/auth/organiser", null, new { password }, cancel);
        return body.GetProperty("token").GetString() ?? throw new InvalidOperationException("The organiser sign-in returned no token.");
    }

    public async Task<IReadOnlyList<string>> OccupationCodesAsync(string edition, string? token, CancellationToken cancel)
    {
        var body = await SendAsync(HttpMethod.Get, $"api/editions/{Uri.EscapeDataString(edition)}/occupations", token, null, cancel);
        return [.. body.EnumerateArray().Select(o => o.GetProperty("code").GetString()!)];
    }

    public Task<JsonElement> DefinitionAsync(string edition, string occupation, string? token, CancellationToken cancel) =>
        SendAsync(HttpMethod.Get, $"api/editions/{Uri.EscapeDataString(edition)}/occupations/{Uri.EscapeDataString(occupation)}/definition", token, null, cancel);

    public async Task<IReadOnlyList<AccessCode>> IssueAccessCodesAsync(string edition, string occupation, string token, CancellationToken cancel)
    {
        var body = await SendAsync(HttpMethod.Post, $"api/editions/{Uri.EscapeDataString(edition)}/access-codes", token, new { occupation }, cancel);
        return [.. body.EnumerateArray().Select(c => new AccessCode(
            c.GetProperty("judgeId").GetString()!,
            c.GetProperty("occupation").GetString()!,
            c.GetProperty("role").GetString()!,
            c.GetProperty("code").GetString()!))];
    }

    public async Task<string> SignInJudgeAsync(string accessCode, CancellationToken cancel)
    {
        var body = await SendAsync(HttpMethod.Post, "api/auth/judge", null, new { accessCode }, cancel);
        return body.GetProperty("token").GetString() ?? throw new InvalidOperationException("The judge sign-in returned no token.");
    }

    /// <summary>Moves an occupation's round; a 409 (already there or beyond) is fine and returns false.</summary>
    public async Task<bool> MovePhaseAsync(string edition, string occupation, string phase, string token, CancellationToken cancel)
    {
        // A round goes live once everyone has checked in.
        if (phase == "live")
        {
            using var checkIn = Request(HttpMethod.Post, $"api/editions/{Uri.EscapeDataString(edition)}/occupations/{Uri.EscapeDataString(occupation)}/check-in-all", token, new { });
            using var checkedIn = await _http.SendAsync(checkIn, cancel);
            if (checkedIn.StatusCode != HttpStatusCode.Conflict)
                await EnsureSuccessAsync(checkedIn, cancel);
        }
        using var request = Request(HttpMethod.Post, $"api/editions/{Uri.EscapeDataString(edition)}/occupations/{Uri.EscapeDataString(occupation)}/phase", token, new { phase });
        using var response = await _http.SendAsync(request, cancel);
        if (response.StatusCode == HttpStatusCode.Conflict)
            return false;
        await EnsureSuccessAsync(response, cancel);
        return true;
    }

    /// <summary>The gateway's memory: from its process when its id is given (same machine), else from GET /bench/process.</summary>
    public async Task<MemorySample> SampleAsync(string label, CancellationToken cancel)
    {
        JsonElement? bench = null;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await _http.GetAsync("bench/process", limit.Token);
            if (response.IsSuccessStatusCode)
                bench = await response.Content.ReadFromJsonAsync<JsonElement>(limit.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            // not enabled or too busy to answer: fall back to the process id, if any
        }

        long? workingSet = Long(bench, "workingSetBytes"), privateBytes = Long(bench, "privateMemoryBytes");
        var cpu = bench is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("cpuSeconds", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : (double?)null;
        if (gatewayPid is { } pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                workingSet = process.WorkingSet64;
                privateBytes = process.PrivateMemorySize64;
                cpu = process.TotalProcessorTime.TotalSeconds;
            }
            catch (ArgumentException)
            {
                // the process has gone
            }
        }
        return new MemorySample(label, DateTimeOffset.UtcNow, workingSet, privateBytes, Long(bench, "gcHeapBytes"), Long(bench, "connections"), Long(bench, "openFileDescriptors"), cpu);
    }

    public void Dispose() => _http.Dispose();

    private static long? Long(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? token, object? body, CancellationToken cancel)
    {
        using var request = Request(method, path, token, body);
        using var response = await _http.SendAsync(request, cancel);
        await EnsureSuccessAsync(response, cancel);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancel);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: WireJson.Options);
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        if (response.IsSuccessStatusCode)
            return;
        var text = await response.Content.ReadAsStringAsync(cancel);
        throw new HttpRequestException(
            $"{response.RequestMessage?.Method} /{response.RequestMessage?.RequestUri?.PathAndQuery.TrimStart('/')} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}",
            null, response.StatusCode);
    }
}
