using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Craftsman.Gateway.Tests.Support;
using Craftsman.Grains;
using Craftsman.Tests.Shared;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Craftsman.Gateway.Tests.EndToEnd;

/// <summary>
/// One occupation of a generated edition (lift repair) run through its whole path by the public
/// interface only: the open call and vetting, a selection stage of 11 (8 accepted entrants and the
/// edition's 3 challengers) with a tie at the cut-off, the final against the seed, expert review,
/// the composite, the recommended list, the public notice with an objection, and the naming.
/// </summary>
public sealed class StagedOccupationTests : IAsyncLifetime
{
    private const string Code = "lift-repair";
    private static readonly string Path = $"/api/editions/{GeneratedEdition.Id}";
    private static readonly string Occupation = $"{Path}/occupations/{Code}";
    private readonly AdjustableClock _clock = new();
    private readonly GatewayFactory _factory;
    private GatewayClient _client = null!;
    private HttpClient _organiser = null!;

    public StagedOccupationTests() =>
        _factory = new GatewayFactory(GatewayFactory.NewDatabasePath(), b =>
            b.ConfigureTestServices(s => s.AddKeyedSingleton<TimeProvider>(CompetitionClock.Key, _clock)));

    public async Task InitializeAsync()
    {
        _client = new GatewayClient(_factory);
        _organiser = await _client.Organiser();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>The generated edition with stages on lift repair: selection (top 3 advance) → final (70 %) → expert review (30 %).</summary>
    public static JsonObject StagedDocument(decimal finalWeight = 0.7m)
    {
        var document = GeneratedEdition.Document();
        document["markingSchemes"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "select-1m",
            ["modules"] = new JsonArray(new JsonObject
            {
                ["id"] = "selection", ["name"] = new JsonObject { ["zh"] = "选拔实操", ["en"] = "Selection practical" }, ["weight"] = 1,
                ["criteria"] = new JsonArray(new JsonObject
                {
                    ["id"] = "SEL-1", ["name"] = new JsonObject { ["zh"] = "选拔", ["en"] = "Selection task" },
                    ["kind"] = "judgement", ["max"] = 100, ["step"] = 1, ["tolerance"] = 25,
                }),
            }),
        });
        static JsonObject Name(string zh, string en) => new() { ["zh"] = zh, ["en"] = en };
        var lift = document["occupations"]!.AsArray().Single(o => o!["code"]!.GetValue<string>() == Code)!;
        lift["stages"] = new JsonArray(
            new JsonObject { ["id"] = "selection", ["name"] = Name("挑战者选拔赛", "Challenger selection"), ["scheme"] = "select-1m", ["advance"] = 3, ["weight"] = 0 },
            new JsonObject { ["id"] = "final", ["name"] = Name("擂台比武", "Final in the arena"), ["weight"] = finalWeight },
            new JsonObject { ["id"] = "review", ["name"] = Name("专家评审", "Expert review"), ["scheme"] = GeneratedEdition.TeaCraft.Scheme, ["weight"] = 0.3m });
        return document;
    }

    [Fact]
    public async Task AnOccupationGoesFromTheOpenCallThroughItsStagesToTheNaming()
    {
        var lift = GeneratedEdition.LiftRepair;
        _clock.Offset = TimeSpan.Zero;

        // Stages are checked at import: weights that do not sum to 1 import nothing.
        var bad = await _organiser.PostAsJsonAsync($"{Path}/import", StagedDocument(finalWeight: 0.6m));
        await Refused(bad, HttpStatusCode.UnprocessableEntity, "EditionInvalid");
        Assert.Contains("weights sum to 0.9", await bad.Content.ReadAsStringAsync());
        await Ok(_organiser.PostAsJsonAsync($"{Path}/import", StagedDocument()));

        // The edition's public list of stages: lift repair alone has them, by round code and phase.
        var edition = await _client.Anonymous.GetFromJsonAsync<JsonElement>($"{Path}/stages");
        var staged = Assert.Single(edition.EnumerateArray());
        Assert.Equal(Code, staged.GetProperty("occupationCode").GetString());
        Assert.All(staged.GetProperty("stages").EnumerateArray(), s => Assert.Equal("draft", s.GetProperty("phase").GetString()));

        // The public overview of the occupation lists its three stages, the final under the occupation's own code.
        var stages = await _client.Anonymous.GetFromJsonAsync<JsonElement>($"{Occupation}/stages");
        Assert.Equal(["lift-repair~selection", "lift-repair", "lift-repair~review"],
            stages.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("roundCode").GetString()));

        // Open call: nine register, eight are accepted, one is rejected with a reason.
        var now = DateTimeOffset.UtcNow;
        await Ok(_organiser.PutAsJsonAsync($"{Occupation}/open-call", new { opens = now.AddDays(-1), closes = now.AddDays(30) }));
        var receipts = new List<string>();
        for (var i = 1; i <= 9; i++)
        {
            var registered = await _client.Anonymous.PostAsJsonAsync($"{Occupation}/registrations", new
            {
                name = $"报名者{(char)('A' + i - 1)} Entrant {(char)('A' + i - 1)}", employer = $"北京电梯工程公司{i}分公司", contact = $"1380013800{i}", idLast4 = $"100{i}", statement = "十年电梯维修经验。",
            });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            receipts.Add((await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!);
        }
        foreach (var receipt in receipts.Take(8))
            await Ok(_organiser.PostAsJsonAsync($"{Occupation}/registrations/{receipt}/vetting", new { accept = true }));
        await Ok(_organiser.PostAsJsonAsync($"{Occupation}/registrations/{receipts[8]}/vetting", new { accept = false, reason = "资格不符 not eligible" }));
        var entrants = (await _organiser.GetFromJsonAsync<JsonElement>($"{Occupation}/challengers")).EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.Equal(8, entrants.Count);

        var judges = await SignInPanel(lift);

        // The final cannot start before the selection has advanced anyone; nothing is stored.
        var early = await _organiser.PostAsJsonAsync($"{Occupation}/phase", new { phase = "checkIn" });
        await Refused(early, HttpStatusCode.Conflict, "PreviousStageNotAdvanced");
        Assert.Equal("draft", (await _organiser.GetFromJsonAsync<JsonElement>($"{Occupation}/status")).GetProperty("phase").GetString());

        // Selection: the accepted entrants and the edition's challengers, fixed as the round leaves Draft.
        const string selection = "lift-repair~selection";
        await Phase(selection, "checkIn");
        var selectionDefinition = await _organiser.GetFromJsonAsync<JsonElement>($"{Path}/occupations/{selection}/definition");
        var competitors = selectionDefinition.GetProperty("contestants").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.Equal(11, competitors.Count);
        Assert.Equal([.. lift.Contestants.Skip(1), .. entrants], competitors);
        Assert.DoesNotContain(lift.Contestants[0], competitors);

        // A viewer follows the stage's round on the live hub by its round code.
        await using var viewer = _client.Hub("/hubs/live");
        await viewer.StartAsync();
        var snapshot = await viewer.InvokeAsync<JsonElement>("FollowOccupation", GeneratedEdition.Id, selection);
        Assert.Equal(11, snapshot.GetProperty("standings").GetArrayLength());
        // Named by its round code, so a page following the stage knows the board is the stage's, not the final's.
        Assert.Equal(selection, snapshot.GetProperty("occupationCode").GetString());
        Assert.Equal(selection, (await _client.Anonymous.GetFromJsonAsync<JsonElement>($"{Path}/occupations/{selection}/leaderboard")).GetProperty("occupationCode").GetString());

        await Ok(_organiser.PostAsync($"{Path}/occupations/{selection}/check-in-all", null));
        await Phase(selection, "live");
        // The 3rd and 4th (entrants 3 and 4) are tied at 80: both go on with the top 3.
        decimal[] selectionMarks = [90, 85, 80, 80, 70, 65, 60, 55, 50, 45, 40];
        var ranked = new[] { entrants[0], entrants[1], entrants[2], entrants[3], lift.Contestants[1], entrants[4], lift.Contestants[2], entrants[5], lift.Contestants[3], entrants[6], entrants[7] };
        await MarkAll(judges, lift, selection, "SEL-1", ranked.Select((id, i) => (id, selectionMarks[i])));
        var notYet = await _organiser.PostAsJsonAsync($"{Occupation}/stages/selection/advance", new { count = 3 });
        await Refused(notYet, HttpStatusCode.Conflict, "StageNotSignedOff");
        await Phase(selection, "review");
        await Ok(judges[lift.Chief].PostAsync($"{Path}/occupations/{selection}/sign-off", null));
        await Refused(await _organiser.PostAsJsonAsync($"{Occupation}/stages/selection/advance", new { count = 0 }), HttpStatusCode.UnprocessableEntity, "AdvanceCountInvalid");
        // The preview decides the same (the tie included) and stores nothing; the public never reaches it.
        var preview = await _organiser.GetFromJsonAsync<JsonElement>($"{Occupation}/stages/selection/advance-preview?count=3");
        Assert.Equal(entrants.Take(4), preview.GetProperty("advanced").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, (await _client.Anonymous.GetFromJsonAsync<JsonElement>($"{Occupation}/stages")).GetProperty("stages")[0].GetProperty("advancement").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.Anonymous.GetAsync($"{Occupation}/stages/selection/advance-preview?count=3")).StatusCode);
        var advanced = await Ok(_organiser.PostAsJsonAsync($"{Occupation}/stages/selection/advance", new { count = 3 }));
        Assert.Equal(entrants.Take(4), advanced.GetProperty("advanced").EnumerateArray().Select(a => a.GetString()));

        // The final: the seed against the four advanced.
        await Phase(Code, "checkIn");
        await Refused(await _organiser.PostAsJsonAsync($"{Occupation}/stages/selection/advance", new { count = 5 }), HttpStatusCode.Conflict, "NextStageStarted");
        var finalists = (await _organiser.GetFromJsonAsync<JsonElement>($"{Occupation}/definition")).GetProperty("contestants")
            .EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.Equal([lift.Contestants[0], .. entrants.Take(4)], finalists);
        await Ok(_organiser.PostAsync($"{Occupation}/check-in-all", null));
        await Phase(Code, "live");
        foreach (var criterion in lift.Criteria)
            await MarkAll(judges, lift, Code, criterion.Id, finalists.Select((id, i) => (id, GeneratedEdition.Mark(criterion, i, 0))),
                criterion.Kind == "judgement" ? (i, j) => GeneratedEdition.Mark(criterion, i, j) : null, measurement: criterion.Kind == "measurement");
        await Phase(Code, "review");
        await Ok(judges[lift.Chief].PostAsync($"{Occupation}/sign-off", null));

        // Expert review: the finalists; the review lifts the first entrant above the seed.
        const string review = "lift-repair~review";
        await Phase(review, "checkIn");
        await Ok(_organiser.PostAsync($"{Path}/occupations/{review}/check-in-all", null));
        await Phase(review, "live");
        decimal[] reviewMarks = [50, 100, 70, 60, 55];
        await MarkAll(judges, lift, review, GeneratedEdition.TeaCraft.Criteria[0].Id, finalists.Select((id, i) => (id, reviewMarks[i])));
        await Phase(review, "review");
        await Ok(judges[lift.Chief].PostAsync($"{Path}/occupations/{review}/sign-off", null));

        // The composite: 70 % final + 30 % review, the challenger on top took the arena.
        var finalBoard = await Composites($"{Occupation}/leaderboard");
        var reviewBoard = await Composites($"{Path}/occupations/{review}/leaderboard");
        var results = await _client.Anonymous.GetFromJsonAsync<JsonElement>($"{Occupation}/stages");
        Assert.True(results.GetProperty("settled").GetBoolean());
        var composite = results.GetProperty("composite").EnumerateArray().ToList();
        Assert.Equal(5, composite.Count);
        foreach (var line in composite)
        {
            var id = line.GetProperty("contestantId").GetString()!;
            Assert.Equal(0.7m * finalBoard[id] + 0.3m * reviewBoard[id], line.GetProperty("composite").GetDecimal());
        }
        Assert.Equal(lift.Contestants[0], finalBoard.MaxBy(b => b.Value).Key);
        Assert.Equal(entrants[0], composite[0].GetProperty("contestantId").GetString());
        Assert.Equal("challengerTook", results.GetProperty("arena").GetProperty("outcome").GetString());
        Assert.Equal(entrants[0], results.GetProperty("arena").GetProperty("titleCandidateId").GetString());

        // The recommended list: lift repair names its candidate; the occupations not run are pending.
        var list = await _client.Anonymous.GetFromJsonAsync<JsonElement>($"{Path}/recommended");
        var entries = list.GetProperty("entries").EnumerateArray().ToList();
        var liftEntry = entries.Single(e => e.GetProperty("occupationCode").GetString() == Code);
        Assert.Equal(entrants[0], liftEntry.GetProperty("contestantId").GetString());
        Assert.Equal("报名者A Entrant A", liftEntry.GetProperty("name").GetString());
        Assert.All(entries.Where(e => e.GetProperty("occupationCode").GetString() != Code), e => Assert.False(e.GetProperty("settled").GetBoolean()));

        // Public notice: no objection before it opens; one during it, seen by the office only.
        var objection = new { name = "李明", contact = "13900139000", text = "对评审分有疑问。", occupation = Code, concerning = entrants[0] };
        await Refused(await _client.Anonymous.PostAsJsonAsync($"{Path}/objections", objection), HttpStatusCode.Conflict, "NoticeNotOpen");
        await Refused(await _organiser.PutAsJsonAsync($"{Path}/notice", new { start = now.AddDays(7), end = now.AddDays(6) }), HttpStatusCode.UnprocessableEntity, "NoticeTimesInvalid");
        await Ok(_organiser.PutAsJsonAsync($"{Path}/notice", new { start = now.AddMinutes(-1), end = now.AddDays(7) }));
        var lodged = await _client.Anonymous.PostAsJsonAsync($"{Path}/objections", objection);
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        await Refused(await _client.Anonymous.PostAsJsonAsync($"{Path}/objections", objection with { text = " " }), HttpStatusCode.UnprocessableEntity, "FieldRequired");
        var notice = await _client.Anonymous.GetStringAsync($"{Path}/notice");
        Assert.DoesNotContain("李明", notice);
        Assert.DoesNotContain("13900139000", notice);
        var publicNotice = JsonDocument.Parse(notice).RootElement;
        Assert.True(publicNotice.GetProperty("isOpen").GetBoolean());
        Assert.Equal(1, publicNotice.GetProperty("objections").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.Anonymous.GetAsync($"{Path}/objections")).StatusCode);
        Assert.Equal("李明", (await _organiser.GetFromJsonAsync<JsonElement>($"{Path}/objections"))[0].GetProperty("form").GetProperty("name").GetString());

        // Naming waits for the window to close and for every objection to be resolved.
        await Refused(await _organiser.PostAsync($"{Path}/naming", null), HttpStatusCode.Conflict, "NoticeNotClosed");
        _clock.Offset = TimeSpan.FromDays(8);
        await Refused(await _client.Anonymous.PostAsJsonAsync($"{Path}/objections", objection), HttpStatusCode.Conflict, "NoticeClosed");
        await Refused(await _organiser.PostAsync($"{Path}/naming", null), HttpStatusCode.Conflict, "ObjectionsUnresolved");
        await Ok(_organiser.PostAsJsonAsync($"{Path}/objections/1/resolution", new { upheld = false, reason = "评审分经复核无误 the review marks were checked" }));
        var named = await Ok(_organiser.PostAsync($"{Path}/naming", null));
        Assert.Equal(entrants[0], named.GetProperty("named").EnumerateArray().Single().GetProperty("contestantId").GetString());
        await Refused(await _organiser.PostAsync($"{Path}/naming", null), HttpStatusCode.Conflict, "AlreadyNamed");

        // The list as PDF and XLSX.
        var pdf = PdfContent.Text(await _organiser.GetByteArrayAsync($"{Path}/recommended.pdf"));
        Assert.Contains("Names confirmed", pdf);
        var xlsx = await _organiser.GetAsync($"{Path}/recommended.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.True((await xlsx.Content.ReadAsByteArrayAsync()).AsSpan(0, 2).SequenceEqual("PK"u8));
    }

    private async Task<Dictionary<string, decimal>> Composites(string board) =>
        (await _client.Anonymous.GetFromJsonAsync<JsonElement>(board)).GetProperty("standings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("contestantId").GetString()!, s => s.GetProperty("composite").GetDecimal());

    /// <summary>Every judge marks one criterion of each contestant (a measurement: the first enters, the second confirms).</summary>
    private static async Task MarkAll(Dictionary<string, HttpClient> judges, GeneratedEdition.OccupationPlan plan, string round, string criterion,
        IEnumerable<(string Contestant, decimal Value)> marks, Func<int, int, decimal>? byJudge = null, bool measurement = false)
    {
        var markers = measurement ? plan.Judges.Take(2).ToList() : plan.Judges.ToList();
        foreach (var ((contestant, value), i) in marks.Select((m, i) => (m, i)))
            foreach (var (judge, j) in markers.Select((judge, j) => (judge, j)))
                await Ok(judges[judge].PostAsJsonAsync($"{Path}/occupations/{round}/marks", new
                {
                    idempotencyKey = $"{round.Replace('~', ':')}-{judge}-{contestant}-{criterion}", contestantId = contestant, criterionId = criterion,
                    value = byJudge?.Invoke(i, j) ?? value,
                }));
    }

    private async Task<Dictionary<string, HttpClient>> SignInPanel(GeneratedEdition.OccupationPlan plan)
    {
        var issued = await Ok(_organiser.PostAsJsonAsync($"{Path}/access-codes", new { occupation = plan.Code }));
        var clients = new Dictionary<string, HttpClient>();
        foreach (var card in issued.EnumerateArray())
        {
            var session = await Ok(_client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = card.GetProperty("code").GetString() }));
            var http = _factory.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("token").GetString());
            clients[card.GetProperty("judgeId").GetString()!] = http;
        }
        return clients;
    }

    private Task Phase(string round, string phase) => Ok(_organiser.PostAsJsonAsync($"{Path}/occupations/{round}/phase", new { phase }));

    private static async Task Refused(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
