using System.Text.Json;
using Craftsman.Browser.Tests.Support;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

/// <summary>
/// The organiser runs one blind round from the console — check-in, freeze, bottom-up reveal,
/// publication, an appeal, the files — while a viewer's board and the hall's arena screen are open
/// the whole time. Until publication neither page ever shows (nor receives) a contestant's name or id;
/// after it both do, which shows the watch itself would have caught a leak.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BlindRoundTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Occupation = "cnc-lathe";

    // Every markup state a page passes through, and every frame its live connection receives.
    private const string WatchScript = """
        (() => {
          window.__seen = [];
          const take = () => window.__seen.push(document.documentElement.outerHTML);
          new MutationObserver(take).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
          document.addEventListener('DOMContentLoaded', take);
        })();
        """;

    [Fact]
    public async Task The_console_runs_a_blind_round_to_publication_and_no_viewer_sees_an_identity_before_it()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var sample = GatewayApi.SampleWithOfficials();
        await api.Import(sample);
        await api.IssueCodes(Occupation);
        await api.IssueCodesFor("O01", "A01");
        var hidden = sample["contestants"]!.AsArray()
            .Where(c => (string?)c!["occupation"] == Occupation)
            .SelectMany(c => new[] { (string)c!["id"]!, (string)c!["name"]! })
            .ToArray();

        // The audience: one occupation's board on a phone and the arena on the hall's screen, open from the start.
        await using var phone = await browser.Phone();
        await using var hall = await browser.FullHd();
        var frames = new List<string>();
        var viewers = new List<IPage>();
        foreach (var (context, path, name) in new[] { (phone, $"/board/?edition=2020&occupation={Occupation}", "viewer"), (hall, $"/arena/?edition=2020&occupation={Occupation}", "arena") })
        {
            var page = (await context.NewPageAsync()).Watch(output, name);
            await page.AddInitScriptAsync(WatchScript);
            page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => { lock (frames) frames.Add(frame.Text ?? ""); };
            await page.GotoAsync(gateway.Url(path));
            viewers.Add(page);
        }
        var board = viewers[0];

        // The organiser's console, on the round panel.
        await using var office = await browser.Desktop();
        var console = (await office.NewPageAsync()).Watch(output, "console");
        console.Dialog += (_, dialog) => dialog.AcceptAsync();
        await console.GotoAsync(gateway.Url("/console/"));
        await console.Locator("#password").FillAsync(GatewayServer.OrganiserPassword);
        await console.Locator("#password").PressAsync("Enter");
        await console.Locator("#tab-round").ClickAsync();
        await console.Locator("#round-occupation").SelectOptionAsync(Occupation);
        var status = console.Locator("#round-status");
        var message = console.Locator("#round-message");
        await Expect(status).ToHaveAttributeAsync("data-phase", "draft");

        // Blind round, check-in, the officer's draw.
        await console.Locator("#round-blind").CheckAsync();
        await console.Locator("#round-blind-apply").ClickAsync();
        await Expect(status.Locator("[data-fact='blind']")).ToHaveTextAsync("是（尚未抽签）");
        // Before the round went blind the field was public; from here on the watch counts.
        foreach (var page in viewers)
        {
            await Expect(page.Locator(".board-state-slot").First).ToHaveAttributeAsync("data-state", "blind");
            await page.EvaluateAsync("() => { window.__seen = [document.documentElement.outerHTML]; }");
        }
        lock (frames) frames.Clear();
        await Expect(console.Locator("#round-checkin-all")).ToBeDisabledAsync();
        await api.MoveTo(Occupation, "checkIn");
        await console.Locator("#round-refresh").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-phase", "checkIn");
        await console.Locator("#round-contestants li[data-contestant='C007'] button").ClickAsync();
        await Expect(console.Locator("#round-contestants li[data-contestant='C007']")).ToHaveAttributeAsync("data-checked-in", "true");
        await console.Locator("#round-checkin-all").ClickAsync();
        await Expect(status.Locator("[data-fact='checkedIn']")).ToHaveTextAsync("3 / 3 名选手");
        await api.As("O01", Occupation, "draw");
        await api.MoveTo(Occupation, "live");
        await console.Locator("#round-refresh").ClickAsync();
        await Expect(status.Locator("[data-fact='blind']")).ToHaveTextAsync("是（已抽签）");

        // Marks on draw numbers; the board ranks D-numbers only.
        await api.MarkAll(Occupation, "D01", 0.70m);
        await api.MarkAll(Occupation, "D02", 0.90m);
        await api.MarkAll(Occupation, "D03", 0.80m);
        await Expect(board.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "D02");
        await Expect(board.Locator(".standings tbody tr")).ToHaveCountAsync(3);

        // Freeze, review, the chief judge's sign-off, then the ceremony from the bottom.
        await console.Locator("#round-freeze").ClickAsync();
        await Expect(status.Locator("[data-fact='publicBoard']")).ToHaveTextAsync("已封榜");
        await Expect(board.Locator("[data-slot='frozen-revealing']")).ToHaveAttributeAsync("data-state", "frozen");
        await api.MoveTo(Occupation, "review");
        await api.As("J013", Occupation, "sign-off");
        await console.Locator("#round-refresh").ClickAsync();
        await console.Locator("#round-reveal-step").ClickAsync();
        await Expect(status.Locator("[data-fact='publicBoard']")).ToContainTextAsync("已从末位揭晓 1 名");
        await Expect(board.Locator("[data-slot='frozen-revealing']")).ToHaveAttributeAsync("data-state", "revealing");
        await Expect(board.Locator(".standings tbody tr[data-contestant]")).ToHaveCountAsync(1);
        await console.Locator("#round-reveal-all").ClickAsync();
        await Expect(board.Locator(".standings tbody tr[data-contestant]")).ToHaveCountAsync(3);
        await Screenshots.Save(board, "blind-board-before-publication");

        // Publication needs both keys: refused with the reason until the officer and the chief agree.
        await console.Locator("#round-publish").ClickAsync();
        await Expect(message).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-bad"));
        // Wholly in the page's language: built from the refusal's code, no English server sentence behind it.
        await Expect(message).ToHaveTextAsync("公布加密评分的结果须经加密裁判和裁判长同意揭晓编号。");
        await api.As("O01", Occupation, "reveal-approval");
        await api.As("J013", Occupation, "reveal-approval");
        await console.Locator("#round-refresh").ClickAsync();
        await Expect(status.Locator("[data-fact='revealApprovals']")).ToHaveTextAsync("加密裁判 ✓ · 裁判长 ✓");

        // From the moment the round went blind, nothing a viewer's page showed or received named anyone.
        var leaks = new List<string>();
        foreach (var page in viewers)
        {
            var seen = await page.EvaluateAsync<string[]>("() => window.__seen");
            Assert.NotEmpty(seen);
            leaks.AddRange(Leaks(seen, hidden, page.Url));
        }
        lock (frames)
        {
            Assert.NotEmpty(frames);
            leaks.AddRange(Leaks(frames, hidden, "live frames"));
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(5)));

        await console.Locator("#round-publish").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-phase", "published");
        await Expect(status.Locator("[data-fact='objectionWindow']")).Not.ToHaveTextAsync("–");
        // Now the same pages show people: whoever drew D02 is on top, by name, on the board and in the arena.
        var top = board.Locator(".standings tbody tr").First;
        await Expect(top).ToHaveAttributeAsync("data-contestant", new System.Text.RegularExpressions.Regex("^C00[789]$"));
        var winner = (await top.GetAttributeAsync("data-contestant"))!;
        var winnerName = hidden[Array.IndexOf(hidden, winner) + 1];
        await Expect(top).ToContainTextAsync(winnerName);
        await Expect(viewers[1].Locator($".arena-card[data-contestant='{winner}']")).ToContainTextAsync(winnerName);

        // An appeal filed in the console, ruled by the arbitration group; the console shows the ruling.
        await console.Locator("#appeal-submit").ClickAsync();
        await Expect(console.Locator("#appeal-error")).ToHaveTextAsync("请写明申诉理由。");
        await console.Locator("#appeal-contestant").SelectOptionAsync("C007");
        await console.Locator("#appeal-criterion").SelectOptionAsync("P1");
        await console.Locator("#appeal-grounds").FillAsync("外径复测与记录不符");
        await console.Locator("#appeal-submit").ClickAsync();
        var appeal = console.Locator("#appeals tr[data-appeal='1']");
        await Expect(appeal).ToHaveAttributeAsync("data-status", "open");
        await Expect(appeal).ToContainTextAsync("外径复测与记录不符");
        await api.As("A01", Occupation, "appeals/1/ruling", new { upheld = false, reason = "复测结果与原记录一致" });
        await console.Locator("#round-refresh").ClickAsync();
        await Expect(appeal).ToHaveAttributeAsync("data-status", "rejected");
        await Expect(appeal).ToContainTextAsync("复测结果与原记录一致");
        // The window is still open: fixing the final result is refused, with the reason shown.
        await console.Locator("#round-final").ClickAsync();
        await Expect(message).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-bad"));
        await Expect(status).ToHaveAttributeAsync("data-phase", "published");
        await Screenshots.Save(console, "console-round", docsName: "console-round", fullPage: true);

        // The files: the result sheet and the ledger, downloaded with the organiser's token.
        var sheet = await console.RunAndWaitForDownloadAsync(() => console.Locator("[data-download='result-sheet.pdf']").ClickAsync());
        Assert.Equal("result-sheet-2020-cnc-lathe.pdf", sheet.SuggestedFilename);
        Assert.StartsWith("%PDF", await FirstChars(sheet, 4));
        var ledger = await console.RunAndWaitForDownloadAsync(() => console.Locator("[data-download='ledger']").ClickAsync());
        Assert.Equal("ledger-2020-cnc-lathe.jsonl", ledger.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await ledger.PathAsync())!)).Where(l => l.Length > 0).ToArray();
        Assert.Contains(lines, l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString() == "appeal-ruled");
        Assert.Equal(JsonDocument.Parse(lines[^1]).RootElement.GetProperty("hash").GetString()![..16] + "…",
            await status.Locator("[data-fact='ledgerHead']").TextContentAsync());

        // Edition-wide exports and the judge analytics.
        await console.Locator("#tab-exports").ClickAsync();
        var results = await console.RunAndWaitForDownloadAsync(() => console.Locator("[data-edition-download='results.csv']").ClickAsync());
        Assert.Equal("results-2020.csv", results.SuggestedFilename);
        await console.Locator("#analytics-load").ClickAsync();
        await Expect(console.Locator("#analytics tr[data-judge='J014']")).ToBeVisibleAsync();
    }

    private static IEnumerable<string> Leaks(IEnumerable<string> texts, string[] identities, string where) =>
        from text in texts
        from identity in identities
        let at = text.IndexOf(identity, StringComparison.Ordinal)
        where at >= 0
        select $"{where}: '{identity}' in …{text[Math.Max(0, at - 80)..Math.Min(text.Length, at + 40)]}…";

    private static async Task<string> FirstChars(IDownload download, int count)
    {
        var path = await download.PathAsync();
        var buffer = new char[count];
        using var reader = new StreamReader(path!);
        await reader.ReadBlockAsync(buffer, 0, count);
        return new string(buffer);
    }
}
