using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;

namespace Craftsman.Gateway.Tests.Api;

public sealed class MarkApiTests : IAsyncLifetime
{
    private const string Contest = "/api/editions/2020/occupations/cnc-lathe";
    private readonly GatewayFactory _factory = new();
    private GatewayClient _client = null!;
    private HttpClient _http = null!;
    private HttpClient _judge = null!;

    public async Task InitializeAsync()
    {
        _client = new GatewayClient(_factory);
        _http = _client.Anonymous;
        _judge = await _client.Judge("J014");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task SampleEditionListsThirtyOccupationsAndEightyFiveContestants()
    {
        var occupations = await _http.GetFromJsonAsync<JsonElement>("/api/editions/2020/occupations");
        var contestants = await _http.GetFromJsonAsync<JsonElement>("/api/editions/2020/contestants");

        Assert.Equal(30, occupations.GetArrayLength());
        Assert.Equal(85, contestants.GetArrayLength());
    }

    [Fact]
    public async Task MarkThroughTheApiRaisesTheLeaderboardVersion()
    {
        await _client.GoLive();
        var before = await Leaderboard(_http);

        var response = await _judge.PostAsJsonAsync($"{Contest}/marks", Mark("k1", "P3", 16.5m));

        response.EnsureSuccessStatusCode();
        var after = await Leaderboard(_http);
        Assert.True(after.GetProperty("version").GetInt64() > before.GetProperty("version").GetInt64());
        // One judge's mark counts on the live board; the public board waits for the whole panel.
        var live = await (await _client.Organiser()).GetFromJsonAsync<JsonElement>($"{Contest}/live-board");
        Assert.Equal(1, live.GetProperty("standings").EnumerateArray().Single(s => s.GetProperty("contestantId").GetString() == "C007").GetProperty("markCount").GetInt32());
        var standing = after.GetProperty("standings").EnumerateArray().Single(s => s.GetProperty("contestantId").GetString() == "C007");
        Assert.Equal(0, standing.GetProperty("markCount").GetInt32());
        Assert.Equal(0, standing.GetProperty("rank").GetInt32());
    }

    [Theory]
    [InlineData("P3", 25.0, 422, "MarkOutOfRange")]
    [InlineData("P3", 15.3, 422, "MarkOffStep")]
    [InlineData("Z1", 10.0, 422, "UnknownCriterion")]
    public async Task InvalidMarkGetsProblemWithItsCode(string criterion, double value, int status, string code)
    {
        await _client.GoLive();
        var before = await Leaderboard(_http);

        var response = await _judge.PostAsJsonAsync($"{Contest}/marks", Mark("bad", criterion, (decimal)value));

        await AssertProblem(response, status, code);
        Assert.Equal(before.GetProperty("version").GetInt64(), (await Leaderboard(_http)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task MarkByJudgeOfAnotherPanelIsForbidden()
    {
        await _client.GoLive();
        var otherJudge = await _client.Judge("J002", GatewayClient.OtherOccupation);
        var response = await otherJudge.PostAsJsonAsync($"{Contest}/marks", Mark("k", "P3", 10m));
        await AssertProblem(response, 403, "WrongOccupation");
    }

    [Fact]
    public async Task ChiefJudgeCannotMark()
    {
        await _client.GoLive();
        var chief = await _client.Judge("J013");
        var response = await chief.PostAsJsonAsync($"{Contest}/marks", Mark("k", "P3", 10m));
        await AssertProblem(response, 403, "JudgeNotOnPanel");
    }

    [Fact]
    public async Task AnonymousMarkIsUnauthorized()
    {
        await _client.GoLive();
        var response = await _http.PostAsJsonAsync($"{Contest}/marks", Mark("k", "P3", 10m));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OnlyTheOrganiserMovesRounds()
    {
        var response = await _judge.PostAsJsonAsync($"{Contest}/phase", new { phase = "checkIn" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("draft", (await Leaderboard(_http)).GetProperty("phase").GetString());
    }

    [Fact]
    public async Task MarkWhileRoundIsInDraftIsConflict()
    {
        var response = await _judge.PostAsJsonAsync($"{Contest}/marks", Mark("k", "P3", 10m));
        await AssertProblem(response, 409, "RoundNotLive");
    }

    [Fact]
    public async Task MarkWithMissingFieldIsBadRequest()
    {
        var response = await _judge.PostAsJsonAsync($"{Contest}/marks", new { contestantId = "C007", criterionId = "P3", value = 10 });
        await AssertProblem(response, 400, "InvalidSubmission");
    }

    [Fact]
    public async Task UnknownOccupationIsNotFound()
    {
        var response = await _http.GetAsync("/api/editions/2020/occupations/astronaut/leaderboard");
        await AssertProblem(response, 404, "NotFound");
    }

    [Fact]
    public async Task SkippingAPhaseIsConflict()
    {
        var response = await (await _client.Organiser()).PostAsJsonAsync($"{Contest}/phase", new { phase = "live" });
        await AssertProblem(response, 409, "IllegalTransition");
    }

    [Fact]
    public async Task MarkAndLeaderboardSurviveAProcessRestart()
    {
        await _client.GoLive();
        (await _judge.PostAsJsonAsync($"{Contest}/marks", Mark("restart-1", "P3", 18m))).EnsureSuccessStatusCode();
        var before = await Leaderboard(_http);
        await _factory.DisposeAsync();

        await using var restarted = new GatewayFactory(_factory.DatabasePath);
        var after = await Leaderboard(restarted.CreateClient());

        Assert.Equal(before.ToString(), after.ToString());
    }

    internal static async Task<JsonElement> Leaderboard(HttpClient http) =>
        await http.GetFromJsonAsync<JsonElement>($"{Contest}/leaderboard");

    // J014 is a marking judge on the CNC lathe panel, J013 its chief, C007 a contestant there (samples/edition-2020.json).
    private static MarkBody Mark(string key, string criterion, decimal value) => new(key, "C007", criterion, value);

    private sealed record MarkBody(string IdempotencyKey, string ContestantId, string CriterionId, decimal Value);

    private static async Task AssertProblem(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
