using System.Collections.Concurrent;
using System.Text.Json;
using Craftsman.Browser.Tests.Support;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LiveBoardTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Big_screen_arena_and_overview_follow_the_results_live()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.IssueCodes("cnc-lathe");
        await api.IssueCodes("welding");
        await api.MoveTo("cnc-lathe", "checkIn", "live");
        await api.MoveTo("welding", "checkIn", "live");
        // cnc-lathe: the challenger C008 ahead of the seed C007; welding: the seed C018 ahead. While the rounds
        // are Live no screen announces an outcome (攻擂成功 / 守擂成功) or 推荐人选: the next marks may take it back.
        await api.MarkAll("cnc-lathe", "J014", "C008", 0.92m);
        await api.MarkAll("cnc-lathe", "J014", "C007", 0.85m);
        await api.MarkAll("cnc-lathe", "J014", "C009", 0.70m);
        await api.MarkAll("welding", "J038", "C018", 0.90m);
        await api.MarkAll("welding", "J038", "C019", 0.80m);
        await api.MarkAll("welding", "J038", "C020", 0.75m);

        // The hall's big screen. With a long interval the test steps through the occupations itself...
        await using var hall = await browser.FullHd();
        var big = (await hall.NewPageAsync()).Watch(output, "big");
        await big.GotoAsync(gateway.Url("/board/?edition=2020&screen=big&occupations=cnc-lathe,welding&interval=600"));
        await Expect(big.Locator("#big-title")).ToHaveTextAsync("数控车工");
        await Expect(big.Locator(".big-head .arena-banner")).ToHaveTextAsync("结果待定");
        await Expect(big.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "C008");
        await Expect(big.Locator(".standings tbody tr.candidate")).ToHaveCountAsync(0);
        await Expect(big.Locator(".others li[data-occupation='welding']")).ToContainTextAsync("胡芳");
        await Screenshots.Save(big, "big-screen", docsName: "big-screen");
        await big.Locator("button[aria-label='下一个工种']").ClickAsync();
        await Expect(big.Locator("#big-title")).ToHaveTextAsync("焊工");
        await Expect(big.Locator(".big-head .arena-banner")).ToHaveTextAsync("结果待定");
        await Expect(big.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "C018");
        await Screenshots.Save(big, "big-screen-next");

        // ...and on its own it rotates every N seconds (here 3).
        await big.GotoAsync(gateway.Url("/board/?edition=2020&screen=big&occupations=cnc-lathe,welding&interval=3"));
        await Expect(big.Locator("#big-title")).ToHaveTextAsync("焊工", new() { Timeout = 10_000 });
        await Expect(big.Locator("#big-title")).ToHaveTextAsync("数控车工", new() { Timeout = 10_000 });

        // The arena view: seed and challengers side by side.
        await using var stream = await browser.FullHd();
        var arena = (await stream.NewPageAsync()).Watch(output, "arena");
        await arena.GotoAsync(gateway.Url("/arena/?edition=2020&occupation=cnc-lathe"));
        await Expect(arena.Locator("#outcome .arena-banner")).ToHaveTextAsync("结果待定");
        await Expect(arena.Locator("#seeds .arena-card")).ToHaveAttributeAsync("data-contestant", "C007");
        await Expect(arena.Locator("#challengers .arena-card")).ToHaveCountAsync(2);
        await Expect(arena.Locator("#challengers .arena-card").First).ToHaveAttributeAsync("data-contestant", "C008");
        await Expect(arena.Locator(".arena-card.candidate")).ToHaveCountAsync(0);
        await Screenshots.Save(arena, "arena", docsName: "arena");

        // One occupation's board, open while the result turns: J014 corrects C008's P1 from 27.5 to 5,
        // and the seed retakes first place on every screen.
        await using var viewer = await browser.Desktop();
        var board = (await viewer.NewPageAsync()).Watch(output, "board");
        await board.GotoAsync(gateway.Url("/board/?edition=2020&occupation=cnc-lathe"));
        await Expect(board.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "C008");
        await Expect(board.Locator(".arena-banner")).ToHaveTextAsync("结果待定");

        await api.SubmitMark("cnc-lathe", "J014", "C008", "P1", 5m);
        await Expect(board.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "C007");
        await Expect(board.Locator(".arena-banner")).ToHaveTextAsync("结果待定");
        await Expect(arena.Locator("#challengers .arena-card").First).ToHaveAttributeAsync("data-contestant", "C008");
        await Expect(arena.Locator(".arena-card.candidate")).ToHaveCountAsync(0);
        // Half away from zero, two places: C007 at 85 % of every maximum.
        await Expect(board.Locator("tr[data-contestant='C007'] .composite")).ToHaveTextAsync("85.00");

        // English on request, remembered across pages and reloads.
        await board.Locator("#lang").ClickAsync();
        await Expect(board.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(board.Locator(".standings thead th").First).ToHaveTextAsync("Rank");
        await Expect(board.Locator(".arena-banner")).ToHaveTextAsync("Outcome pending");
        await board.ReloadAsync();
        await Expect(board.Locator(".standings thead th").First).ToHaveTextAsync("Rank");
        await Screenshots.Save(board, "leaderboard-english");
        await board.Locator("#lang").ClickAsync();
        await Expect(board.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        // The overview of all 30 occupations.
        await board.GotoAsync(gateway.Url("/board/?edition=2020"));
        await Expect(board.Locator("#overview > li")).ToHaveCountAsync(30);
        var lathe = board.Locator("#overview li[data-occupation='cnc-lathe']");
        await Expect(lathe.Locator(".arena-banner")).ToHaveCountAsync(0);
        await Expect(board.Locator("#overview li[data-occupation='welding'] .leader")).ToContainTextAsync("暂列第一：胡芳");
        await Screenshots.Save(board, "overview", docsName: "overview");

        // A phone shows the same board, readable without sideways scrolling.
        await using var phoneContext = await browser.Phone();
        var phone = (await phoneContext.NewPageAsync()).Watch(output, "phone");
        await phone.GotoAsync(gateway.Url("/board/?edition=2020&occupation=cnc-lathe"));
        await Expect(phone.Locator(".standings tbody tr")).ToHaveCountAsync(3);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Screenshots.Save(phone, "phone");
    }

    [Fact]
    public async Task A_board_that_misses_a_push_asks_for_a_snapshot()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.IssueCodes("cnc-lathe");
        await api.MoveTo("cnc-lathe", "checkIn", "live");
        var start = (await api.Leaderboard("cnc-lathe")).GetProperty("version").GetInt64();

        // Between the hub and the page: the push of the next version is lost on the way.
        await using var context = await browser.Desktop();
        var board = (await context.NewPageAsync()).Watch(output, "board");
        var invoked = new ConcurrentQueue<string>();
        var dropped = new ConcurrentQueue<long>();
        await board.RouteWebSocketAsync("**/hubs/live**", page =>
        {
            var server = page.ConnectToServer();
            page.OnMessage(frame =>
            {
                foreach (var message in Messages(frame.Text))
                    if (message.TryGetProperty("target", out var target))
                        invoked.Enqueue(target.GetString()!);
                server.Send(frame.Text!);
            });
            server.OnMessage(frame =>
            {
                var forward = new List<string>();
                foreach (var message in Messages(frame.Text))
                {
                    if (message.TryGetProperty("target", out var target) && target.GetString() == "LeaderboardChanged"
                        && message.GetProperty("arguments")[0].GetProperty("version").GetInt64() == start + 1)
                    {
                        dropped.Enqueue(start + 1);
                        continue;
                    }
                    forward.Add(message.GetRawText() + "\u001e");
                }
                if (forward.Count > 0)
                    page.Send(string.Concat(forward));
            });
        });
        await board.GotoAsync(gateway.Url("/board/?edition=2020&occupation=cnc-lathe"));
        await Expect(board.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(board.Locator(".standings tbody tr")).ToHaveCountAsync(3);

        await api.SubmitMark("cnc-lathe", "J014", "C009", "P3", 10m);
        await Poll(() => !dropped.IsEmpty, "the push of version start+1 was dropped");
        Assert.DoesNotContain("GetSnapshot", invoked);

        await api.SubmitMark("cnc-lathe", "J014", "C008", "P3", 12m);
        await Poll(() => invoked.Contains("GetSnapshot"), "the page asked for a snapshot after the gap");
        await Expect(board.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "C008");
        await Expect(board.Locator("tr[data-contestant='C009'] .composite")).ToHaveTextAsync("7.00");
    }

    [Fact]
    public async Task A_frozen_board_keeps_its_standing_and_says_so_until_revealed()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.IssueCodes("cnc-lathe");
        await api.MoveTo("cnc-lathe", "checkIn", "live");
        await api.SubmitMark("cnc-lathe", "J014", "C009", "P3", 10m);

        await using var context = await browser.Desktop();
        var board = (await context.NewPageAsync()).Watch(output, "board");
        await board.GotoAsync(gateway.Url("/board/?edition=2020&occupation=cnc-lathe"));
        await Expect(board.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "C009");
        var state = board.Locator("[data-slot='frozen-revealing']");
        await Expect(state).ToBeHiddenAsync();

        await api.Command("cnc-lathe", "freeze");
        await Expect(state).ToHaveTextAsync("已封榜：显示封榜时的成绩");
        await Expect(state).ToHaveAttributeAsync("data-state", "frozen");
        // Marks go on behind the frozen board; viewers keep the standing of the moment of freezing.
        await api.SubmitMark("cnc-lathe", "J014", "C008", "P3", 20m);
        Assert.Equal("C009", (await api.Leaderboard("cnc-lathe")).GetProperty("standings")[0].GetProperty("contestantId").GetString());
        await board.ReloadAsync();
        await Expect(state).ToHaveAttributeAsync("data-state", "frozen");
        await Expect(board.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "C009");
        await Expect(board.Locator("tr[data-contestant='C008'] .composite")).ToHaveTextAsync("0.00");

        await api.Command("cnc-lathe", "reveal", new { oneRankFromBottom = true });
        await Expect(state).ToHaveAttributeAsync("data-state", "revealing");
        await Expect(state).ToHaveTextAsync("揭晓中：还有 2 个名次待揭晓");
        await Expect(board.Locator(".standings tbody tr[data-contestant]")).ToHaveCountAsync(1);
        await Expect(board.Locator(".standings tbody tr.sealed")).ToHaveCountAsync(2);
        await Expect(board.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-sealed-rank", "1");
        // The outcome would give the withheld top places away.
        await Expect(board.Locator(".arena-banner")).ToHaveCountAsync(0);
        await Screenshots.Save(board, "revealing");
    }

    [Fact]
    public async Task Public_pages_show_no_outcome_version_or_review_flag_during_Live_and_leave_unmarked_contestants_unranked()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.IssueCodes("cnc-lathe");
        await api.MoveTo("cnc-lathe", "checkIn", "live");
        // The challenger C008 ahead of the seed C007, and P3 of C008 flagged (spread 12 > tolerance 4); C009 unmarked.
        await api.MarkAll("cnc-lathe", "J014", "C008", 0.92m);
        await api.MarkAll("cnc-lathe", "J014", "C007", 0.85m);
        await api.SubmitMark("cnc-lathe", "J015", "C008", "P3", 6m);
        await api.SubmitMark("cnc-lathe", "J016", "C008", "P3", 18m);
        var live = await api.Leaderboard("cnc-lathe");
        Assert.Contains(live.GetProperty("standings").EnumerateArray(), s => s.GetProperty("hasOpenFlags").GetBoolean());

        await using var context = await browser.FullHd();
        var page = (await context.NewPageAsync()).Watch(output, "public");
        foreach (var (path, ready) in new[]
        {
            ("/board/?edition=2020&occupation=cnc-lathe", ".standings tbody tr[data-contestant='C008']"),
            ("/board/?edition=2020&screen=big&occupations=cnc-lathe&interval=600", ".standings tbody tr[data-contestant='C008']"),
            ("/arena/?edition=2020&occupation=cnc-lathe", ".arena-card[data-contestant='C008']"),
            ("/board/?edition=2020", "#overview li[data-occupation='cnc-lathe'] .leader"),
        })
        {
            await page.GotoAsync(gateway.Url(path));
            await Expect(page.Locator(ready)).ToBeVisibleAsync();
            await Expect(page.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
            var text = await page.Locator("body").InnerTextAsync();
            foreach (var forbidden in new[] { "守擂成功", "攻擂成功", "推荐人选", "版本", "⚑", "待复核", "分差超限" })
                Assert.False(text.Contains(forbidden, StringComparison.Ordinal), $"{path} shows '{forbidden}' during Live.");
            await Expect(page.Locator(".badge-flag, .candidate, [data-outcome='seedHeld'], [data-outcome='challengerTook']")).ToHaveCountAsync(0);
        }

        await page.GotoAsync(gateway.Url("/board/?edition=2020&occupation=cnc-lathe"));
        await Expect(page.Locator("tr[data-contestant='C009'] .rank")).ToHaveTextAsync("—");
        await Expect(page.Locator("tr[data-contestant='C008'] .rank")).ToHaveTextAsync("1");
        await page.GotoAsync(gateway.Url("/board/?edition=2020"));
        await Expect(page.Locator("#overview li[data-occupation='cnc-lathe'] .leader")).ToContainTextAsync("暂列第一");
    }

    private static IEnumerable<JsonElement> Messages(string? text) =>
        (text ?? "").Split('\u001e', StringSplitOptions.RemoveEmptyEntries).Select(m => JsonDocument.Parse(m).RootElement.Clone());

    private static async Task Poll(Func<bool> condition, string what)
    {
        for (var waited = 0; waited < 15_000; waited += 50)
        {
            if (condition())
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"Timed out waiting until {what}.");
    }
}
