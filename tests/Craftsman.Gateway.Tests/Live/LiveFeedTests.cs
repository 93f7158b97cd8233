using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Gateway.Tests.Live;

public sealed class LiveFeedTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new();
    private GatewayClient _client = null!;
    private readonly List<HubConnection> _connections = [];

    public async Task InitializeAsync()
    {
        _client = new GatewayClient(_factory);
        await _client.GoLive();
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task JudgesMarkReachesEveryViewerOfThatOccupationWithTheNextVersion()
    {
        var (viewer1, inbox1, snapshot1) = await Viewer(GatewayClient.Occupation);
        var (_, inbox2, snapshot2) = await Viewer(GatewayClient.Occupation);
        var judge = await Judging("J014");

        // The whole panel marks P3 of C008: only then does the public board count it.
        JsonElement outcome = default;
        foreach (var id in new[] { "J014", "J015", "J016", "J017", "J018" })
            outcome = await Submit(id == "J014" ? judge : await Judging(id), $"k-1-{id}", "C008", "P3", 17m);

        Assert.True(outcome.GetProperty("accepted").GetBoolean());
        var version = outcome.GetProperty("version").GetInt64();
        Assert.Equal(snapshot1.GetProperty("version").GetInt64() + 5, version);
        foreach (var inbox in new[] { inbox1, inbox2 })
        {
            var delta = await inbox.WaitFor(m => m.GetProperty("version").GetInt64() == version);
            var line = delta.GetProperty("standings").EnumerateArray().Single(s => s.GetProperty("contestantId").GetString() == "C008");
            Assert.Equal(1, line.GetProperty("rank").GetInt32());
            Assert.Equal(17m * 0.7m, line.GetProperty("composite").GetDecimal());
        }
        Assert.Equal(snapshot1.GetProperty("version").GetInt64(), snapshot2.GetProperty("version").GetInt64());
        GC.KeepAlive(viewer1);
    }

    [Fact]
    public async Task MarksSentTogetherByFiveJudgesAreEachAcknowledgedOnceWithTheirOwnVersion()
    {
        var (_, inbox, snapshot) = await Viewer(GatewayClient.Occupation);
        var judges = new Dictionary<string, HubConnection>();
        foreach (var id in new[] { "J014", "J015", "J016", "J017", "J018" })
            judges[id] = await Judging(id);
        // Every judge marks every criterion of C008 at once: they share batches on the way to the contest.
        var marks = (from j in judges.Keys
                     from c in new[] { ("P3", 15m), ("P4", 8m), ("E1", 30m) }
                     select (Judge: j, Key: $"burst-{j}-{c.Item1}", Criterion: c.Item1, Value: c.Item2)).ToList();

        var outcomes = await Task.WhenAll(marks.Select(m => Submit(judges[m.Judge], m.Key, "C008", m.Criterion, m.Value)));

        Assert.All(outcomes, o => Assert.True(o.GetProperty("accepted").GetBoolean(), o.ToString()));
        var versions = outcomes.Select(o => o.GetProperty("version").GetInt64()).Order().ToList();
        var start = snapshot.GetProperty("version").GetInt64();
        Assert.Equal(Enumerable.Range(1, marks.Count).Select(i => start + i), versions);
        var last = await inbox.WaitFor(m => m.GetProperty("version").GetInt64() == versions[^1]);
        // Each criterion was marked by the whole panel, so the public board counts all three.
        Assert.Equal(3, last.GetProperty("standings").EnumerateArray().Single(s => s.GetProperty("contestantId").GetString() == "C008").GetProperty("criteriaFinal").GetInt32());

        // Sent again (tablets that never saw the answers): the same outcomes, nothing counted twice.
        var again = await Task.WhenAll(marks.Select(m => Submit(judges[m.Judge], m.Key, "C008", m.Criterion, m.Value)));
        Assert.Equal(outcomes.Select(o => o.GetProperty("version").GetInt64()), again.Select(o => o.GetProperty("version").GetInt64()));
        var board = await _client.Anonymous.GetFromJsonAsync<JsonElement>($"/api/editions/{GatewayClient.Edition}/occupations/{GatewayClient.Occupation}/leaderboard");
        Assert.Equal(versions[^1], board.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task MarksOneJudgeSendsWithoutWaitingAreAppliedInTheOrderSent()
    {
        var judge = await Judging("J016");
        // One criterion re-marked again and again without waiting for answers: several are in the
        // gateway at once, yet each is decided after the one sent before it, so the last sent stands.
        var values = Enumerable.Range(0, 24).Select(i => new[] { 12m, 15m, 17m }[i % 3]).Append(16m).ToList();

        var outcomes = await Task.WhenAll(values.Select((v, i) => Submit(judge, $"order-{i}", "C009", "P3", v)));

        Assert.All(outcomes, o => Assert.True(o.GetProperty("accepted").GetBoolean(), o.ToString()));
        var versions = outcomes.Select(o => o.GetProperty("version").GetInt64()).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        var mine = await judge.InvokeAsync<JsonElement>("GetMyMarks");
        var mark = mine.EnumerateArray().Single(m => m.GetProperty("contestantId").GetString() == "C009" && m.GetProperty("criterionId").GetString() == "P3");
        Assert.Equal(16m, mark.GetProperty("value").GetDecimal());
        Assert.Equal($"order-{values.Count - 1}", mark.GetProperty("idempotencyKey").GetString());
    }

    [Fact]
    public async Task ViewerOfAnotherOccupationReceivesNothing()
    {
        var (_, mine, _) = await Viewer(GatewayClient.Occupation);
        var (_, other, _) = await Viewer(GatewayClient.OtherOccupation);
        var judge = await Judging("J014");

        var outcome = await Submit(judge, "k-2", "C007", "P4", 9m);
        await mine.WaitFor(m => m.GetProperty("version").GetInt64() == outcome.GetProperty("version").GetInt64());

        Assert.Empty(other.Drain());
    }

    [Fact]
    public async Task AnonymousCallerCannotConnectToTheJudgingHub()
    {
        var connection = Track(_client.Hub("/hubs/judging"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task JudgeCannotMarkAnotherOccupation()
    {
        var judge = await Judging("J014");
        var error = await Assert.ThrowsAsync<HubException>(() =>
            judge.InvokeAsync<JsonElement>("SubmitMark", new { occupation = GatewayClient.OtherOccupation, idempotencyKey = "x", contestantId = "C001", criterionId = "P2", value = 10 }));
        Assert.Contains("HubException: WrongOccupation", error.Message);
    }

    [Fact]
    public async Task JudgeCannotReadThePanelsMarksButTheChiefCan()
    {
        var judge = await Judging("J014");
        await Submit(judge, "k-3", "C007", "P3", 12m);
        var chief = await Judging("J013");

        await Assert.ThrowsAsync<HubException>(() => judge.InvokeAsync<JsonElement>("GetPanelMarks"));
        var sheets = await chief.InvokeAsync<JsonElement>("GetPanelMarks");
        var marks = sheets.EnumerateArray().SelectMany(s => s.GetProperty("marks").EnumerateArray()).ToList();
        Assert.Contains(marks, m => m.GetProperty("judgeId").GetString() == "J014");
    }

    [Fact]
    public async Task ReconnectingViewerGetsASnapshotWithWhatItMissed()
    {
        var (viewer, _, first) = await Viewer(GatewayClient.Occupation);
        await viewer.StopAsync();
        var judge = await Judging("J015");
        var missed = await Submit(judge, "k-4", "C009", "E1", 35m);

        await viewer.StartAsync();
        var snapshot = await viewer.InvokeAsync<JsonElement>("FollowOccupation", GatewayClient.Edition, GatewayClient.Occupation);

        Assert.True(snapshot.GetProperty("version").GetInt64() > first.GetProperty("version").GetInt64());
        Assert.Equal(missed.GetProperty("version").GetInt64(), snapshot.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ResentMarkWithTheSameKeyIsAppliedOnce()
    {
        var (_, inbox, _) = await Viewer(GatewayClient.Occupation);
        var judge = await Judging("J016");

        var first = await Submit(judge, "same-key", "C007", "P3", 14m);
        var again = await Submit(judge, "same-key", "C007", "P3", 14m);

        Assert.Equal(first.ToString(), again.ToString());
        var mine = await judge.InvokeAsync<JsonElement>("GetMyMarks");
        Assert.Equal(1, mine.GetArrayLength());
        await inbox.WaitFor(m => m.GetProperty("version").GetInt64() == first.GetProperty("version").GetInt64());
        var live = await (await _client.Organiser()).GetFromJsonAsync<JsonElement>($"/api/editions/{GatewayClient.Edition}/occupations/{GatewayClient.Occupation}/live-board");
        Assert.Equal(1, live.GetProperty("standings").EnumerateArray().Single(s => s.GetProperty("contestantId").GetString() == "C007").GetProperty("markCount").GetInt32());
    }

    [Fact]
    public async Task ViewerNeverReceivesAPerJudgeMark()
    {
        var (_, inbox, snapshot) = await Viewer(GatewayClient.Occupation);
        var overviewConnection = Track(_client.Hub("/hubs/live"));
        var overview = new Inbox(overviewConnection, "OverviewChanged");
        await overviewConnection.StartAsync();
        var summaries = await overviewConnection.InvokeAsync<JsonElement>("FollowOverview", GatewayClient.Edition);
        var judge = await Judging("J017");

        var outcome = await Submit(judge, "k-5", "C008", "P4", 7.5m);
        var version = outcome.GetProperty("version").GetInt64();
        await inbox.WaitFor(m => m.GetProperty("version").GetInt64() == version);
        await overview.WaitFor(m => m.GetProperty("version").GetInt64() == version);

        var everything = string.Join("\n", new[] { snapshot, summaries }.Concat(inbox.Received).Concat(overview.Received).Select(m => m.ToString()));
        Assert.DoesNotContain("J017", everything);
        Assert.DoesNotContain("judgeId", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"marks\"", everything);
        Assert.DoesNotContain("idempotencyKey", everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OrganiserSeesEachJudgesLeniencyPerOccupation()
    {
        var judges = new[] { "J014", "J015", "J016" };
        decimal[] values = [10m, 12m, 17m];
        for (var i = 0; i < 3; i++)
            await Submit(await Judging(judges[i]), $"a-{i}", "C007", "P3", values[i]);

        var organiser = await _client.Organiser();
        var analytics = await organiser.GetFromJsonAsync<JsonElement>("/api/editions/2020/judge-analytics");

        var lathe = analytics.GetProperty("occupations").EnumerateArray().Single(o => o.GetProperty("occupationCode").GetString() == "cnc-lathe");
        var stats = lathe.GetProperty("judges").EnumerateArray().ToDictionary(j => j.GetProperty("judgeId").GetString()!);
        Assert.True(stats["J016"].GetProperty("leniency").GetDecimal() > 0);
        Assert.True(stats["J014"].GetProperty("leniency").GetDecimal() < 0);
        Assert.Equal(1m, stats["J014"].GetProperty("flagRate").GetDecimal());
        Assert.Equal("J016", analytics.GetProperty("mostLenientFirst")[0].GetProperty("judgeId").GetString());
    }

    [Fact]
    public async Task FollowingAnUnknownOccupationIsAClearError()
    {
        var connection = Track(_client.Hub("/hubs/live"));
        await connection.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("FollowOccupation", "2020", "astronaut"));
        Assert.Contains("astronaut", error.Message);
    }

    private async Task<(HubConnection Connection, Inbox Inbox, JsonElement Snapshot)> Viewer(string occupation)
    {
        var connection = Track(_client.Hub("/hubs/live"));
        var inbox = new Inbox(connection, "LeaderboardChanged");
        await connection.StartAsync();
        var snapshot = await connection.InvokeAsync<JsonElement>("FollowOccupation", GatewayClient.Edition, occupation);
        return (connection, inbox, snapshot);
    }

    private async Task<HubConnection> Judging(string judgeId)
    {
        var connection = Track(_client.Hub("/hubs/judging", await _client.JudgeToken(judgeId)));
        await connection.StartAsync();
        return connection;
    }

    private static Task<JsonElement> Submit(HubConnection judge, string key, string contestant, string criterion, decimal value) =>
        judge.InvokeAsync<JsonElement>("SubmitMark", new { occupation = GatewayClient.Occupation, idempotencyKey = key, contestantId = contestant, criterionId = criterion, value });

    private HubConnection Track(HubConnection connection)
    {
        _connections.Add(connection);
        return connection;
    }
}
