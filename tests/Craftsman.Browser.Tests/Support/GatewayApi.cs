using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Craftsman.Browser.Tests.Support;

/// <summary>The gateway's HTTP API over real TCP: to set up a scene and to check what the pages did.</summary>
public sealed class GatewayApi(GatewayServer server) : IDisposable
{
    public const string Edition = "2020";

    private readonly HttpClient _http = new() { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, string> _codes = [];
    private string? _organiserToken;

    public async Task<string> OrganiserToken()
    {
        if (_organiserToken is not null)
            return _organiserToken;
        var response = await _http.PostAsJsonAsync("api/auth/organiser", new { password = GatewayServer.OrganiserPassword });
        response.EnsureSuccessStatusCode();
        return _organiserToken = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Issues access codes for an occupation's panel (chief and judges); judge id → code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> IssueCodes(string occupation)
    {
        var issued = await Send<JsonElement>(HttpMethod.Post, $"api/editions/{Edition}/access-codes", await OrganiserToken(), new { occupation });
        foreach (var card in issued.EnumerateArray())
            _codes[card.GetProperty("judgeId").GetString()!] = card.GetProperty("code").GetString()!;
        return issued.EnumerateArray().ToDictionary(c => c.GetProperty("judgeId").GetString()!, c => c.GetProperty("code").GetString()!);
    }

    public async Task MoveTo(string occupation, params string[] phases)
    {
        foreach (var phase in phases)
        {
            // A round goes live once everyone has checked in.
            if (phase == "live")
                await Send<JsonElement>(HttpMethod.Post, $"api/editions/{Edition}/occupations/{occupation}/check-in-all", await OrganiserToken(), new { });
            await Send<JsonElement>(HttpMethod.Post, $"api/editions/{Edition}/occupations/{occupation}/phase", await OrganiserToken(), new { phase });
        }
    }

    /// <summary>An organiser's command on a round, e.g. "freeze" or "reveal".</summary>
    public async Task<JsonElement> Command(string occupation, string command, object? body = null) =>
        await Send<JsonElement>(HttpMethod.Post, $"api/editions/{Edition}/occupations/{occupation}/{command}", await OrganiserToken(), body ?? new { });

    public async Task<JsonElement> Leaderboard(string occupation) =>
        await Send<JsonElement>(HttpMethod.Get, $"api/editions/{Edition}/occupations/{occupation}/leaderboard", null);

    /// <summary>A contestant's whole scoresheet: every judge's current marks and every correction (organiser only).</summary>
    public async Task<JsonElement> Scoresheet(string contestantId) =>
        await Send<JsonElement>(HttpMethod.Get, $"api/editions/{Edition}/contestants/{contestantId}/scoresheet", await OrganiserToken());

    /// <summary>A judge's mark through the HTTP API (the judge signs in with their issued code).</summary>
    public async Task SubmitMark(string occupation, string judgeId, string contestantId, string criterionId, decimal value, string? idempotencyKey = null)
    {
        var token = await JudgeToken(judgeId);
        await Send<JsonElement>(HttpMethod.Post, $"api/editions/{Edition}/occupations/{occupation}/marks", token,
            new { idempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString(), contestantId, criterionId, value });
    }

    /// <summary>One judge marks every criterion of a contestant at <paramref name="level"/> (0–1) of its maximum, on its step.</summary>
    /// <summary>
    /// The whole panel marks every criterion of the contestant at the same level of its maximum (a
    /// measurement by its first two judges), so every criterion is final and counts on public boards.
    /// </summary>
    public async Task MarkAll(string occupation, string contestantId, decimal level)
    {
        var definition = await Send<JsonElement>(HttpMethod.Get, $"api/editions/{Edition}/occupations/{occupation}/definition", null);
        foreach (var module in definition.GetProperty("scheme").GetProperty("modules").EnumerateArray())
            foreach (var criterion in module.GetProperty("criteria").EnumerateArray())
            {
                var max = criterion.GetProperty("max").GetDecimal();
                var step = criterion.GetProperty("step").GetDecimal();
                var value = Math.Round(max * level / step, MidpointRounding.AwayFromZero) * step;
                await MarkCriterion(occupation, contestantId, criterion.GetProperty("id").GetString()!, value);
            }
    }

    /// <summary>The whole panel gives the criterion the same value (a measurement: entered and confirmed).</summary>
    public async Task MarkCriterion(string occupation, string contestantId, string criterionId, decimal value)
    {
        var definition = await Send<JsonElement>(HttpMethod.Get, $"api/editions/{Edition}/occupations/{occupation}/definition", null);
        var measurement = definition.GetProperty("scheme").GetProperty("modules").EnumerateArray()
            .SelectMany(m => m.GetProperty("criteria").EnumerateArray())
            .Single(c => c.GetProperty("id").GetString() == criterionId).GetProperty("kind").GetString() == "measurement";
        var judges = Panel(definition);
        foreach (var judge in measurement ? judges.Take(2) : judges)
            await SubmitMark(occupation, judge, contestantId, criterionId, value);
    }

    /// <summary>Marking closes and the chief judge signs off (every criterion must be final by then).</summary>
    public async Task SignOff(string occupation, string chiefId)
    {
        await MoveTo(occupation, "review");
        await As(chiefId, occupation, "sign-off");
    }

    public static IReadOnlyList<string> Panel(JsonElement definition) =>
        [.. definition.GetProperty("panel").EnumerateArray()
            .Where(j => j.GetProperty("role").GetString() == "judge")
            .Select(j => j.GetProperty("id").GetString()!)];

    /// <summary>Any call as the organiser (open call windows, schedule slots, screen directions).</summary>
    public async Task<JsonElement> AsOrganiser(HttpMethod method, string path, object? body = null) =>
        await Send<JsonElement>(method, path, await OrganiserToken(), body);

    /// <summary>Any call without a token, as the public makes it (a registration).</summary>
    public Task<JsonElement> AsAnyone(HttpMethod method, string path, object? body = null) => Send<JsonElement>(method, path, null, body);

    private async Task<string> JudgeToken(string judgeId)
    {
        if (!_codes.TryGetValue(judgeId, out var code))
            throw new InvalidOperationException($"No access code issued for {judgeId} in this test.");
        var response = await _http.PostAsJsonAsync("api/auth/judge", new { accessCode = code });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private async Task<T> Send<T>(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text)!;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The sample edition with the edition's officials: encryption officer O01 and arbitration group member A01.</summary>
    public static System.Text.Json.Nodes.JsonNode SampleWithOfficials()
    {
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repository.SampleEdition))!;
        sample["officials"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["id"] = "O01", ["name"] = "加密裁判甲", ["role"] = "encryptionOfficer" },
            new System.Text.Json.Nodes.JsonObject { ["id"] = "A01", ["name"] = "仲裁组甲", ["role"] = "arbiter" });
        return sample;
    }

    /// <summary>Imports an edition document as the organiser (replacing the seeded one while its rounds are in Draft).</summary>
    public async Task Import(object document) =>
        await Send<JsonElement>(HttpMethod.Post, $"api/editions/{Edition}/import", await OrganiserToken(), document);

    /// <summary>Issues access codes for named judges or officials; id → code (they can then act through <see cref="As"/>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> IssueCodesFor(params string[] ids)
    {
        var issued = await Send<JsonElement>(HttpMethod.Post, $"api/editions/{Edition}/access-codes", await OrganiserToken(), new { judgeIds = ids });
        var codes = issued.EnumerateArray().ToDictionary(c => c.GetProperty("judgeId").GetString()!, c => c.GetProperty("code").GetString()!);
        foreach (var (id, code) in codes)
            _codes[id] = code;
        return codes;
    }

    /// <summary>A command on a round by whoever holds <paramref name="holderId"/>'s code: a chief's sign-off, an official's draw.</summary>
    public async Task<JsonElement> As(string holderId, string occupation, string command, object? body = null) =>
        await Send<JsonElement>(HttpMethod.Post, $"api/editions/{Edition}/occupations/{occupation}/{command}", await JudgeToken(holderId), body ?? new { });

    /// <summary>The round's status as staff see it: flags, reopened criteria, sign-off, blind draw, approvals, appeals.</summary>
    public async Task<JsonElement> Status(string occupation) =>
        await Send<JsonElement>(HttpMethod.Get, $"api/editions/{Edition}/occupations/{occupation}/status", await OrganiserToken());
}
