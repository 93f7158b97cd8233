using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;
using Craftsman.Grains;
using Craftsman.Verify;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Craftsman.Gateway.Tests.Workflow;

/// <summary>
/// One occupation from Draft to Final through the public interfaces only: the HTTP API for the
/// office, the officials and downloads; the hubs for judges, the chief judge and a viewer.
/// </summary>
public sealed class CompetitionWorkflowTests : IAsyncLifetime
{
    private const string Edition = "e2e";
    private const string Occupation = "cnc-lathe";
    private const string Base = $"/api/editions/{Edition}/occupations/{Occupation}";
    private static readonly string[] Judges = ["J014", "J015", "J016", "J017", "J018"];
    private static readonly string[] Names = ["C007", "C008", "C009"];

    private readonly AdjustableClock _clock = new();
    private readonly List<HubConnection> _hubs = [];
    private GatewayFactory _factory = null!;
    private GatewayClient _client = null!;
    private HttpClient _organiser = null!;

    public async Task InitializeAsync()
    {
        _factory = new GatewayFactory(GatewayFactory.NewDatabasePath(), b =>
            b.ConfigureTestServices(s => s.AddKeyedSingleton<TimeProvider>(CompetitionClock.Key, _clock)));
        _client = new GatewayClient(_factory);
        _organiser = await _client.Organiser();
    }

    public async Task DisposeAsync()
    {
        foreach (var hub in _hubs)
            await hub.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task OneOccupationFromDraftToFinal()
    {
        // Draft: import with officials, issue codes, sign everyone in.
        await Ok(_organiser.PostAsJsonAsync($"/api/editions/{Edition}/import", EditionWithOfficials()));
        var codes = await Codes([.. Judges, "J013", "O01", "A01"]);
        var judges = new Dictionary<string, HubConnection>();
        foreach (var id in Judges)
            judges[id] = await Hub("/hubs/judging", await Token(codes[id]));
        var chief = await Hub("/hubs/judging", await Token(codes["J013"]));
        var officer = await Http(await Token(codes["O01"]));
        var arbiter = await Http(await Token(codes["A01"]));
        var viewer = await Hub("/hubs/live");
        var boards = new Inbox(viewer, "LeaderboardChanged");
        await viewer.InvokeAsync<JsonElement>("FollowOccupation", Edition, Occupation);

        // Check-in in a blind round: numbers drawn by the encryption officer.
        await Ok(_organiser.PostAsJsonAsync($"{Base}/blind", new { blind = true }));
        await Phase("checkIn");
        foreach (var c in Names)
            await Ok(_organiser.PostAsJsonAsync($"{Base}/check-in", new { contestantId = c }));
        await Refused(_organiser.PostAsync($"{Base}/draw", null), HttpStatusCode.Forbidden, "Forbidden");
        await Ok(officer.PostAsync($"{Base}/draw", null));
        await Phase("live");

        // Who checked in: by name for the office, by draw number for the panel, not at all for a judge over HTTP.
        var office = await (await _organiser.GetAsync($"{Base}/status")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Names.Order(), office.GetProperty("checkedIn").EnumerateArray().Select(c => c.GetString()!));
        var panel = await chief.InvokeAsync<JsonElement>("GetStatus");
        Assert.Equal(["D01", "D02", "D03"], panel.GetProperty("checkedIn").EnumerateArray().Select(c => c.GetString()!));
        var judgeHttp = await Http(await Token(codes["J014"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await judgeHttp.GetAsync($"{Base}/status")).StatusCode);

        var contest = await judges["J014"].InvokeAsync<JsonElement>("GetContest");
        var draws = contest.GetProperty("contestants").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["D01", "D02", "D03"], draws);
        Assert.DoesNotContain("C00", contest.GetProperty("contestants").ToString());

        // Marks by five judges: E1 spreads the field; P3 on D01 is flagged (spread 6 > 4); P1 on D02 is a measurement disagreement.
        decimal[][] e1 = [[30, 31, 32, 33, 34], [35, 36, 36, 37, 38], [20, 22, 24, 26, 28]];
        for (var d = 0; d < 3; d++)
            for (var j = 0; j < 5; j++)
                await Mark(judges[Judges[j]], draws[d], "E1", e1[d][j]);
        decimal[] p3 = [12, 13, 13, 14, 18];
        for (var j = 0; j < 5; j++)
            await Mark(judges[Judges[j]], draws[0], "P3", p3[j]);
        await Mark(judges["J014"], draws[1], "P1", 25);
        await Mark(judges["J015"], draws[1], "P1", 24.5m);
        // Every other criterion: the panel marks it alike, so no criterion is left without a final
        // aggregate when the chief judge signs off.
        var marked = new HashSet<(string, string)> { (draws[0], "E1"), (draws[1], "E1"), (draws[2], "E1"), (draws[0], "P3"), (draws[1], "P1") };
        foreach (var criterion in contest.GetProperty("scheme").GetProperty("modules").EnumerateArray().SelectMany(m => m.GetProperty("criteria").EnumerateArray()))
        {
            var id = criterion.GetProperty("id").GetString()!;
            foreach (var d in draws.Where(d => !marked.Contains((d, id))))
                foreach (var j in criterion.GetProperty("kind").GetString() == "measurement" ? Judges.Take(2) : Judges)
                    await Mark(judges[j], d, id, 0);
        }

        // The viewer follows along seeing draw numbers only.
        var live = await boards.WaitFor(b => b.GetProperty("standings").EnumerateArray().All(s => s.GetProperty("markCount").GetInt32() > 0));
        AssertBlind(live);

        // Review: the chief judge sees the flags, re-opens one for the outlier, confirms the other.
        await Phase("review");
        var status = await chief.InvokeAsync<JsonElement>("GetStatus");
        Assert.Equal(2, status.GetProperty("openFlags").GetArrayLength());
        await Refused(chief.InvokeAsync<JsonElement>("SignOff"), "FlagsOpen");
        await Refused(judges["J018"].InvokeAsync<JsonElement>("SubmitMark", Entry(draws[0], "P3", 14)), "RoundNotLive");
        await Succeeded(chief.InvokeAsync<JsonElement>("ReopenCriterion", draws[0], "P3", new[] { "J018" }));
        await Refused(judges["J017"].InvokeAsync<JsonElement>("SubmitMark", Entry(draws[0], "P3", 13)), "RoundNotLive");
        await Mark(judges["J018"], draws[0], "P3", 14);
        // The re-mark fulfilled the request: nothing is left reopened, and a second try is refused.
        Assert.Equal(0, (await chief.InvokeAsync<JsonElement>("GetStatus")).GetProperty("reopened").GetArrayLength());
        await Refused(judges["J018"].InvokeAsync<JsonElement>("SubmitMark", Entry(draws[0], "P3", 15)), "RoundNotLive");
        await Refused(chief.InvokeAsync<JsonElement>("ConfirmCriterion", draws[1], "P1", ""), "ReasonRequired");
        await Succeeded(chief.InvokeAsync<JsonElement>("ConfirmCriterion", draws[1], "P1", "Re-measured on the CMM: 25.0 stands."));
        Assert.Equal(0, (await chief.InvokeAsync<JsonElement>("GetStatus")).GetProperty("openFlags").GetArrayLength());

        // Sign-off locks the marks.
        await Refused(_organiser.PostAsync($"{Base}/sign-off", null), HttpStatusCode.Forbidden, "Forbidden");
        await Succeeded(chief.InvokeAsync<JsonElement>("SignOff"));
        await Refused(judges["J018"].InvokeAsync<JsonElement>("SubmitMark", Entry(draws[0], "P3", 15)), "RoundNotLive");

        // Freeze and reveal from the bottom for the ceremony.
        await Ok(_organiser.PostAsync($"{Base}/freeze", null));
        var frozen = await Public();
        Assert.True(frozen.GetProperty("frozen").GetBoolean());
        var lastVersion = frozen.GetProperty("version").GetInt64();
        foreach (var withheld in new[] { 2, 1 })
        {
            await Ok(_organiser.PostAsJsonAsync($"{Base}/reveal", new { oneRankFromBottom = true }));
            var revealing = await Public();
            Assert.True(revealing.GetProperty("version").GetInt64() > lastVersion);
            lastVersion = revealing.GetProperty("version").GetInt64();
            Assert.Equal("pending", revealing.GetProperty("arena").GetProperty("outcome").GetString());
            Assert.Equal(withheld, revealing.GetProperty("withheld").GetInt32());
            Assert.Equal(3 - withheld, revealing.GetProperty("standings").GetArrayLength());
            Assert.Equal(withheld + 1, revealing.GetProperty("standings")[0].GetProperty("rank").GetInt32());
        }
        await Ok(_organiser.PostAsJsonAsync($"{Base}/reveal", new { oneRankFromBottom = true }));
        Assert.False((await Public()).GetProperty("frozen").GetBoolean());
        AssertBlind(await Public());

        // Publication needs both keys of the blind mapping, then reveals identities.
        await Refused(_organiser.PostAsJsonAsync($"{Base}/phase", new { phase = "published" }), HttpStatusCode.Conflict, "RevealNotApproved");
        await Ok(officer.PostAsync($"{Base}/reveal-approval", null));
        await Succeeded(chief.InvokeAsync<JsonElement>("ApproveReveal"));
        await Phase("published");
        var published = await Public();
        Assert.False(published.GetProperty("blind").GetBoolean());
        Assert.Equal(Names.Order(), published.GetProperty("standings").EnumerateArray().Select(s => s.GetProperty("contestantId").GetString()).Order());

        // Appeals: one upheld (E1 of the winner re-marked), one rejected.
        var leader = published.GetProperty("standings")[0].GetProperty("contestantId").GetString()!;
        var versionBefore = published.GetProperty("version").GetInt64();
        await Ok(_organiser.PostAsJsonAsync($"{Base}/appeals", new { contestantId = leader, criterionId = "E1", grounds = "Portfolio item 3 was not considered." }));
        await Ok(arbiter.PostAsJsonAsync($"{Base}/appeals", new { contestantId = Names[2], criterionId = "E2", grounds = "Disputes the innovation mark." }));
        await Refused(_organiser.PostAsJsonAsync($"{Base}/appeals/1/ruling", new { upheld = true, reason = "x" }), HttpStatusCode.Forbidden, "Forbidden");
        await Ok(arbiter.PostAsJsonAsync($"{Base}/appeals/1/ruling", new { upheld = true, reason = "Item 3 was submitted on time and must be assessed." }));
        await Ok(arbiter.PostAsJsonAsync($"{Base}/appeals/2/ruling", new { upheld = false, reason = "E2 was marked within tolerance by all five judges." }));
        await Refused(_organiser.PostAsJsonAsync($"{Base}/phase", new { phase = "final" }), HttpStatusCode.Conflict, "IllegalTransition");
        var awaiting = (await chief.InvokeAsync<JsonElement>("GetStatus")).GetProperty("awaitingConfirmation").EnumerateArray().Single();
        Assert.Equal((leader, "E1"), (awaiting.GetProperty("contestantId").GetString(), awaiting.GetProperty("criterionId").GetString()));
        await Succeeded(chief.InvokeAsync<JsonElement>("ReopenCriterion", leader, "E1", new[] { "J016" }));
        await Mark(judges["J016"], leader, "E1", 39.5m);
        await Succeeded(chief.InvokeAsync<JsonElement>("ConfirmCriterion", leader, "E1", "Re-marked after the upheld appeal."));
        Assert.Equal(0, (await chief.InvokeAsync<JsonElement>("GetStatus")).GetProperty("awaitingConfirmation").GetArrayLength());
        Assert.True((await Public()).GetProperty("version").GetInt64() > versionBefore);

        // Final once the objection window has closed and every appeal is ruled.
        _clock.Offset = TimeSpan.FromMinutes(121);
        await Phase("final");
        var final = await Public();
        Assert.All(final.GetProperty("standings").EnumerateArray(), s => Assert.Equal("official", s.GetProperty("status").GetString()));
        var closing = await (await _organiser.GetAsync($"{Base}/status")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(leader, closing.GetProperty("titleHolderId").GetString());
        Assert.Equal(2, closing.GetProperty("appeals").GetArrayLength());

        // The ledger verifies; one changed byte names its entry.
        var ledger = await _organiser.GetByteArrayAsync($"{Base}/ledger");
        var lines = Encoding.UTF8.GetString(ledger).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (ok, report) = LedgerVerifier.Verify(lines);
        Assert.True(ok, report);
        Assert.Contains(closing.GetProperty("ledgerHead").GetString()!, report);

        var target = Array.FindIndex(lines, l => l.Contains("\"kind\":\"mark\"") && l.Contains("39.5"));
        var tampered = (string[])lines.Clone();
        tampered[target] = tampered[target].Replace("39.5", "39.0");
        var (tamperedOk, tamperedReport) = LedgerVerifier.Verify(tampered);
        Assert.False(tamperedOk);
        Assert.Contains($"entry {target + 1} ", tamperedReport);
    }

    private static object EditionWithOfficials()
    {
        var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "edition-2020.json"))).RootElement;
        var edition = JsonSerializer.Deserialize<Dictionary<string, object>>(sample.GetProperty("edition").GetRawText())!;
        edition["id"] = Edition;
        // Only a few criteria are marked here, so composites stay low; the title still needs the qualifying score.
        edition["qualifyingScore"] = 10;
        return new
        {
            edition,
            markingSchemes = sample.GetProperty("markingSchemes").EnumerateArray().Where(s => s.GetProperty("id").GetString() == "machining"),
            occupations = sample.GetProperty("occupations").EnumerateArray().Where(o => o.GetProperty("code").GetString() == Occupation),
            contestants = sample.GetProperty("contestants").EnumerateArray().Where(c => c.GetProperty("occupation").GetString() == Occupation),
            judges = sample.GetProperty("judges").EnumerateArray().Where(j => j.GetProperty("occupation").GetString() == Occupation),
            officials = new[] { new { id = "O01", name = "加密裁判", role = "encryptionOfficer" }, new { id = "A01", name = "仲裁组", role = "arbiter" } },
        };
    }

    private async Task<Dictionary<string, string>> Codes(string[] ids)
    {
        var response = await _organiser.PostAsJsonAsync($"/api/editions/{Edition}/access-codes", new { judgeIds = ids });
        await Ok(Task.FromResult(response));
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        return issued.EnumerateArray().ToDictionary(e => e.GetProperty("judgeId").GetString()!, e => e.GetProperty("code").GetString()!);
    }

    private async Task<string> Token(string code)
    {
        var response = await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = code, editionId = Edition });
        await Ok(Task.FromResult(response));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private async Task<HttpClient> Http(string token)
    {
        var http = _factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await Task.FromResult(http);
    }

    private async Task<HubConnection> Hub(string path, string? token = null)
    {
        var hub = _client.Hub(path, token);
        _hubs.Add(hub);
        await hub.StartAsync();
        return hub;
    }

    private Task Phase(string phase) => Ok(_organiser.PostAsJsonAsync($"{Base}/phase", new { phase }));

    private Task<JsonElement> Public() => _client.Anonymous.GetFromJsonAsync<JsonElement>($"{Base}/leaderboard");

    private static object Entry(string contestant, string criterion, decimal value) =>
        new { occupation = Occupation, idempotencyKey = Guid.NewGuid().ToString("N"), contestantId = contestant, criterionId = criterion, value };

    private static async Task Mark(HubConnection judge, string contestant, string criterion, decimal value)
    {
        var outcome = await judge.InvokeAsync<JsonElement>("SubmitMark", Entry(contestant, criterion, value));
        Assert.True(outcome.GetProperty("accepted").GetBoolean(), outcome.ToString());
    }

    private static void AssertBlind(JsonElement board)
    {
        Assert.True(board.GetProperty("blind").GetBoolean());
        var text = board.ToString();
        foreach (var id in Names)
            Assert.DoesNotContain(id, text);
        Assert.DoesNotContain("seed", text);
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task Refused(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        var response = await call;
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static async Task Succeeded(Task<JsonElement> call)
    {
        var result = await call;
        Assert.True(result.GetProperty("succeeded").GetBoolean(), result.ToString());
    }

    private static async Task Refused(Task<JsonElement> call, string code)
    {
        var result = await call;
        var actual = result.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()
            : result.TryGetProperty("rejection", out var r) && r.ValueKind == JsonValueKind.Object ? r.GetProperty("code").GetString()
            : null;
        Assert.Equal(code, actual, ignoreCase: true);
    }
}
