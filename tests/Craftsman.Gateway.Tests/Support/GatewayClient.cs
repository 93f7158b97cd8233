using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Gateway.Tests.Support;

/// <summary>Signs people in and opens real SignalR connections against a <see cref="GatewayFactory"/>.</summary>
public sealed class GatewayClient(GatewayFactory factory)
{
    public const string Edition = "2020";
    public const string Occupation = "cnc-lathe";
    public const string OtherOccupation = "network-security";

    private readonly Dictionary<string, Dictionary<string, string>> _issued = [];

    public HttpClient Anonymous { get; } = factory.CreateClient();

    public async Task<HttpClient> Organiser()
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await OrganiserToken());
        return http;
    }

    public async Task<string> OrganiserToken()
    {
        var response = await Anonymous.PostAsJsonAsync("/api/auth/organiser", new { password = GatewayFactory.OrganiserPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Issues access codes for an occupation's panel; judge id → code.</summary>
    public async Task<Dictionary<string, string>> IssueCodes(string occupation = Occupation)
    {
        var organiser = await Organiser();
        var response = await organiser.PostAsJsonAsync($"/api/editions/{Edition}/access-codes", new { occupation });
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        return _issued[occupation] = issued.EnumerateArray().ToDictionary(e => e.GetProperty("judgeId").GetString()!, e => e.GetProperty("code").GetString()!);
    }

    /// <summary>
    /// Signs a judge in with the occupation's codes, issued once per client: issuing again would
    /// re-issue every code of the panel and so end the sessions opened before.
    /// </summary>
    public async Task<string> JudgeToken(string judgeId, string occupation = Occupation)
    {
        if (!_issued.TryGetValue(occupation, out var codes))
            codes = await IssueCodes(occupation);
        var response = await Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = codes[judgeId] });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<HttpClient> Judge(string judgeId, string occupation = Occupation)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await JudgeToken(judgeId, occupation));
        return http;
    }

    public async Task MoveTo(params string[] phases)
    {
        var organiser = await Organiser();
        foreach (var phase in phases)
        {
            // A round goes live once everyone has checked in.
            if (phase == "live")
                (await organiser.PostAsync($"/api/editions/{Edition}/occupations/{Occupation}/check-in-all", null)).EnsureSuccessStatusCode();
            (await organiser.PostAsJsonAsync($"/api/editions/{Edition}/occupations/{Occupation}/phase", new { phase })).EnsureSuccessStatusCode();
        }
    }

    public Task GoLive() => MoveTo("checkIn", "live");

    public HubConnection Hub(string path, string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, path), o =>
            {
                // The test server speaks HTTP only, so the real client runs over long polling here.
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                if (token is not null)
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
}
