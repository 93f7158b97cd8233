using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Craftsman.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Fuzz.Tests.Support;

/// <summary>
/// One embedded gateway (with its co-hosted silo on a fresh SQLite file) for the whole suite:
/// the sample edition, cnc-lathe Live with a few marks, codes issued, and tokens for each role.
/// </summary>
public sealed class FuzzGateway : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OrganiserPassword = "fuzz-organiser-password";
    public const string Edition = "2020";
    public const string Occupation = "cnc-lathe";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "craftsman-fuzz", $"{Guid.NewGuid():N}.db");
    private readonly string _clusterId = $"fuzz-{Guid.NewGuid():N}";

    public string OrganiserToken { get; private set; } = "";
    public string JudgeToken { get; private set; } = "";
    public string ChiefToken { get; private set; } = "";
    public string JudgeId { get; private set; } = "";
    public IReadOnlyList<string> Contestants { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Codes { get; private set; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Craftsman:Silo:DatabasePath", _databasePath);
        builder.UseSetting("Craftsman:Silo:SiloPort", LoopbackPorts.Next().ToString());
        builder.UseSetting("Craftsman:Silo:GatewayPort", LoopbackPorts.Next().ToString());
        builder.UseSetting("Craftsman:Silo:SeedSampleEdition", "true");
        builder.UseSetting("Craftsman:ClusterId", _clusterId);
        builder.UseSetting("Craftsman:ServiceId", _clusterId);
        builder.UseSetting("Craftsman:Auth:OrganiserPassword", OrganiserPassword);
        builder.UseSetting("Craftsman:Auth:SecretsPath", _databasePath + "-secrets");
        // Thousands of anonymous and failing calls from one test "address": the limits and the
        // slow-down have their own tests; here they would only turn cases into 429s and waits.
        builder.UseSetting("Craftsman:Auth:SlowDownStepMilliseconds", "0");
        builder.UseSetting("Craftsman:Limits:AnonymousRequestsPerMinute", "1000000");
    }

    public async Task InitializeAsync()
    {
        var anonymous = CreateClient();
        OrganiserToken = await Token(anonymous, "/api/auth/organiser", new { password = OrganiserPassword });
        var organiser = Client(OrganiserToken);
        var issuing = await organiser.PostAsJsonAsync($"/api/editions/{Edition}/access-codes", new { occupation = Occupation });
        var issued = await issuing.Content.ReadFromJsonAsync<JsonElement>();
        if (!issuing.IsSuccessStatusCode)
            throw new InvalidOperationException($"Issuing codes: {(int)issuing.StatusCode} {issued}");
        Codes = issued.EnumerateArray().ToDictionary(e => e.GetProperty("judgeId").GetString()!, e => e.GetProperty("code").GetString()!);
        var judges = await (await organiser.GetAsync($"/api/editions/{Edition}/judges")).Content.ReadFromJsonAsync<JsonElement>();
        var panel = judges.EnumerateArray().Where(j => j.GetProperty("occupation").GetString() == Occupation).ToList();
        JudgeId = panel.First(j => j.GetProperty("role").GetString() == "judge").GetProperty("id").GetString()!;
        var chiefId = panel.First(j => j.GetProperty("role").GetString() == "chief").GetProperty("id").GetString()!;
        ChiefId = chiefId;
        JudgeToken = await Token(anonymous, "/api/auth/judge", new { accessCode = Codes[JudgeId] });
        ChiefToken = await Token(anonymous, "/api/auth/judge", new { accessCode = Codes[chiefId] });
        var contestants = await (await anonymous.GetAsync($"/api/editions/{Edition}/contestants")).Content.ReadFromJsonAsync<JsonElement>();
        Contestants = [.. contestants.EnumerateArray().Where(c => c.GetProperty("occupation").GetString() == Occupation).Select(c => c.GetProperty("id").GetString()!)];
        (await organiser.PostAsJsonAsync($"/api/editions/{Edition}/occupations/{Occupation}/phase", new { phase = "checkIn" })).EnsureSuccessStatusCode();
        // Going live needs every contestant checked in (or recorded absent).
        (await organiser.PostAsJsonAsync($"/api/editions/{Edition}/occupations/{Occupation}/check-in-all", new { })).EnsureSuccessStatusCode();
        (await organiser.PostAsJsonAsync($"/api/editions/{Edition}/occupations/{Occupation}/phase", new { phase = "live" })).EnsureSuccessStatusCode();
        var judge = Client(JudgeToken);
        foreach (var (contestant, i) in Contestants.Select((c, i) => (c, i)))
            (await judge.PostAsJsonAsync($"/api/editions/{Edition}/occupations/{Occupation}/marks",
                new { idempotencyKey = $"seed-{i}", contestantId = contestant, criterionId = "P3", value = 15.5m })).EnsureSuccessStatusCode();
    }

    public string ChiefId { get; private set; } = "";

    /// <summary>
    /// Fresh codes and sessions for the fixture's judge and chief: a generated case may re-issue
    /// codes (that is allowed), which rightly ends the sessions signed in with the old ones.
    /// </summary>
    public async Task RenewSessions()
    {
        var organiser = Client(OrganiserToken);
        var issuing = await organiser.PostAsJsonAsync($"/api/editions/{Edition}/access-codes", new { judgeIds = new[] { JudgeId, ChiefId } });
        issuing.EnsureSuccessStatusCode();
        var issued = await issuing.Content.ReadFromJsonAsync<JsonElement>();
        var codes = issued.EnumerateArray().ToDictionary(e => e.GetProperty("judgeId").GetString()!, e => e.GetProperty("code").GetString()!);
        var anonymous = CreateClient();
        JudgeToken = await Token(anonymous, "/api/auth/judge", new { accessCode = codes[JudgeId] });
        ChiefToken = await Token(anonymous, "/api/auth/judge", new { accessCode = codes[ChiefId] });
    }

    public new Task DisposeAsync() => base.DisposeAsync().AsTask();

    public HttpClient Client(string? token)
    {
        var http = CreateClient();
        if (token is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public HubConnection Hub(string path, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                if (token is not null)
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();

    /// <summary>
    /// Everything a refused request must leave as it was, as one hash: the public and live boards,
    /// the round's status, the ledger, every contestant's scoresheet, the access codes and the overview.
    /// </summary>
    public async Task<string> Observable()
    {
        var organiser = Client(OrganiserToken);
        var round = $"/api/editions/{Edition}/occupations/{Occupation}";
        var paths = new List<string>
        {
            $"{round}/leaderboard", $"{round}/live-board", $"{round}/status", $"{round}/ledger",
            $"/api/editions/{Edition}/access-codes", $"/api/editions/{Edition}/overview", $"/api/editions/{Edition}",
        };
        paths.AddRange(Contestants.Select(c => $"/api/editions/{Edition}/contestants/{c}/scoresheet"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var body in await Task.WhenAll(paths.Select(async p => $"{p}\n{await (await organiser.GetAsync(p)).Content.ReadAsStringAsync()}\n")))
            hash.AppendData(Encoding.UTF8.GetBytes(body));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task<string> Token(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzGateway>
{
    public const string Name = "fuzz gateway";
}
