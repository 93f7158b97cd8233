using System.Text.Json;
using System.Text.Json.Nodes;
using Craftsman.Browser.Tests.Support;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

/// <summary>An occupation's stages from the pages: a stage's judge tablet and board, the console's stages tab, the public notice.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StagesTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Selection = "cnc-lathe~selection";
    private const string Stages = "api/editions/2020/occupations/cnc-lathe/stages";

    /// <summary>
    /// The sample edition with stages on CNC lathe: a selection of five challengers (the sample's
    /// two and three more) on a one-criterion scheme, the top 2 going on → the final against the
    /// seed (70 %) → expert review (30 %).
    /// </summary>
    public static JsonNode StagedSample()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Repository.SampleEdition))!;
        static JsonObject Name(string zh, string en) => new() { ["zh"] = zh, ["en"] = en };
        sample["markingSchemes"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "select-1",
            ["modules"] = new JsonArray(new JsonObject
            {
                ["id"] = "selection", ["name"] = Name("选拔实操", "Selection practical"), ["weight"] = 1,
                ["criteria"] = new JsonArray(new JsonObject
                {
                    ["id"] = "SEL-1", ["name"] = Name("选拔试件", "Selection piece"), ["kind"] = "judgement", ["max"] = 100, ["step"] = 1, ["tolerance"] = 25,
                }),
            }),
        });
        var contestants = sample["contestants"]!.AsArray();
        foreach (var (id, name, employer) in new[] { ("C201", "周立新", "北京第二机床厂"), ("C202", "孙海涛", "京城重工"), ("C203", "马文静", "北方车辆集团") })
            contestants.Add(new JsonObject { ["id"] = id, ["name"] = name, ["employer"] = employer, ["occupation"] = "cnc-lathe", ["role"] = "challenger" });
        var lathe = sample["occupations"]!.AsArray().Single(o => o!["code"]!.GetValue<string>() == "cnc-lathe")!;
        lathe["stages"] = new JsonArray(
            new JsonObject { ["id"] = "selection", ["name"] = Name("挑战者选拔赛", "Challenger selection"), ["scheme"] = "select-1", ["advance"] = 2, ["weight"] = 0 },
            new JsonObject { ["id"] = "final", ["name"] = Name("擂台比武", "Final in the arena"), ["weight"] = 0.7m },
            new JsonObject { ["id"] = "review", ["name"] = Name("专家评审", "Expert review"), ["scheme"] = "select-1", ["weight"] = 0.3m });
        return sample;
    }

    [Fact]
    public async Task A_stage_tablet_marks_the_selection_round_and_the_stages_board_shows_the_mark()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.Import(StagedSample());
        var codes = await api.IssueCodes("cnc-lathe");
        await api.MoveTo(Selection, "checkIn", "live");

        // The selection's board: its five challengers, not the seed.
        await using var viewer = await browser.Desktop();
        var board = (await viewer.NewPageAsync()).Watch(output, "stage-board");
        await board.GotoAsync(gateway.Url($"/board/?edition=2020&occupation={Selection}"));
        await Expect(board.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(board.Locator(".standings tbody tr")).ToHaveCountAsync(5);
        await Expect(board.Locator("tr[data-contestant='C007']")).ToHaveCountAsync(0);
        foreach (var judge in new[] { "J015", "J016", "J017", "J018" })
            await api.SubmitMark(Selection, judge, "C202", "SEL-1", 88m);

        // The judge opens the stage's tablet from its address and gives the fifth mark.
        await using var tabletContext = await browser.Tablet();
        var tablet = (await tabletContext.NewPageAsync()).Watch(output, "stage-tablet");
        await tablet.GotoAsync(gateway.Url($"/judge/?stage=selection#code={codes["J014"]}"));
        await Expect(tablet.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(tablet.Locator("#phase")).ToHaveAttributeAsync("data-phase", "live");
        await Expect(tablet.Locator("[data-contestant='C007']")).ToHaveCountAsync(0);
        await tablet.Locator("[data-contestant='C202']").ClickAsync();
        var piece = tablet.Locator("form[data-criterion='SEL-1']");
        await piece.Locator("input").FillAsync("88");
        await piece.Locator(".submit-mark").ClickAsync();
        await Expect(piece.Locator(".chip")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(piece.Locator(".chip")).ToHaveTextAsync("已保存 88");

        // The stage's board ranks the mark; the final's round (the occupation's own code) has none.
        await Expect(board.Locator("tr[data-contestant='C202'] .rank")).ToHaveTextAsync("1");
        await Expect(board.Locator("tr[data-contestant='C202'] .composite")).ToHaveTextAsync("88.00");
        var final = await api.Leaderboard("cnc-lathe");
        Assert.All(final.GetProperty("standings").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("markCount").GetInt32()));
        await Screenshots.Save(tablet, "tablet", docsName: "stage-tablet");
        await Screenshots.Save(board, "board", docsName: "stage-board");
    }

    [Fact]
    public async Task The_console_shows_who_goes_on_with_the_tie_at_the_cut_off_before_the_organiser_confirms()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.Import(StagedSample());
        await api.IssueCodes("cnc-lathe");
        await api.MoveTo(Selection, "checkIn", "live");
        // 2nd and 3rd tied at 80: with the top 2 going on, both do.
        foreach (var (id, level) in new[] { ("C008", 0.9m), ("C201", 0.8m), ("C202", 0.8m), ("C009", 0.6m), ("C203", 0.5m) })
            await api.MarkAll(Selection, id, level);

        await using var desk = await browser.Desktop();
        var console = (await desk.NewPageAsync()).Watch(output, "console-stages");
        await SignIn(console, gateway);
        await console.Locator("#tab-stages").ClickAsync();
        await console.Locator("#stages-occupation").SelectOptionAsync("cnc-lathe");
        var cards = console.Locator("#stages-list .stage-card");
        await Expect(cards).ToHaveCountAsync(3);
        Assert.Equal(["selection", "final", "review"], await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.stage)"));
        var selection = console.Locator(".stage-card[data-stage='selection']");
        await Expect(selection).ToHaveAttributeAsync("data-phase", "live");
        await Expect(selection.Locator(".stage-standings tbody tr")).ToHaveCountAsync(5);
        await Expect(selection.Locator(".stage-standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "C008");

        // Before the sign-off the stage cannot send anyone on: refused in the console's language, nothing stored.
        await selection.Locator("button[data-action='preview']").ClickAsync();
        await Expect(console.Locator("#stages-message")).ToHaveTextAsync("赛段须经裁判长签字确认后才能晋级（加密赛段须在公布后）。");
        await api.SignOff(Selection, "J013");

        // Signed off: the top 2 shown first — three go on, the 3rd tied with the 2nd at the cut-off.
        await console.Locator("#stages-refresh").ClickAsync();
        await Expect(selection).ToHaveAttributeAsync("data-phase", "signedOff");
        await Expect(selection.Locator(".advance-count")).ToHaveValueAsync("2");
        await selection.Locator("button[data-action='preview']").ClickAsync();
        var preview = selection.Locator(".stage-preview");
        await Expect(preview).ToContainTextAsync("前 2 名：共 3 人晋级，其中 1 人与末位同分。");
        Assert.Equal(["C008", "C201", "C202"], await preview.Locator("li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.contestant)"));
        await Expect(preview.Locator("li[data-tied='true']")).ToHaveCountAsync(1);
        await Expect(preview.Locator("li[data-tied='true']")).ToContainTextAsync("孙海涛");
        await Expect(preview.Locator("li[data-tied='true']")).ToContainTextAsync("与末位同分");
        var stored = await api.AsAnyone(HttpMethod.Get, Stages);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("stages")[0].GetProperty("advancement").ValueKind);
        await Screenshots.Save(console, "preview", docsName: "console-stages", fullPage: true);
        await Wcag.MeetsAa(console, output, "console: stages");

        // Confirmed: stored once, marked in the standings, and the final takes the seed and the three.
        await preview.Locator("button[data-action='confirm']").ClickAsync();
        await Expect(console.Locator("#stages-message")).ToHaveTextAsync("挑战者选拔赛：3 人晋级。");
        await Expect(selection.Locator(".stage-standings tr[data-advanced='true']")).ToHaveCountAsync(3);
        await Expect(selection.Locator(".stage-advancement")).ToContainTextAsync("周立新、孙海涛");
        stored = await api.AsAnyone(HttpMethod.Get, Stages);
        Assert.Equal(["C008", "C201", "C202"], stored.GetProperty("stages")[0].GetProperty("advancement").GetProperty("advanced").EnumerateArray().Select(a => a.GetString()));

        var final = console.Locator(".stage-card[data-stage='final']");
        await final.Locator("select").SelectOptionAsync("checkIn");
        await final.Locator("button[data-action='phase']").ClickAsync();
        await Expect(final).ToHaveAttributeAsync("data-phase", "checkIn");
        Assert.Equal(["C007", "C008", "C201", "C202"],
            (await final.Locator(".stage-standings tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.contestant)")).Order());
        await Expect(console.Locator("#stages-composite-state")).ToContainTextAsync("暂定");

        // The round tab runs a stage's round too: its own competitors, as its definition fixed them.
        await console.Locator("#tab-round").ClickAsync();
        await console.Locator("#round-occupation").SelectOptionAsync(Selection);
        await Expect(console.Locator("#round-status")).ToHaveAttributeAsync("data-phase", "signedOff");
        await Expect(console.Locator("#round-contestants li")).ToHaveCountAsync(5);
        await Expect(console.Locator("#round-contestants li[data-checked-in='true']")).ToHaveCountAsync(5);
        await Expect(console.Locator("#round-contestants li[data-contestant='C201']")).ToContainTextAsync("周立新");
        await Expect(console.Locator("#round-publish")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task The_overview_on_a_phone_lists_each_occupations_stages_with_the_live_one_marked_and_filters_them()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.Import(StagedSample());
        await api.MoveTo(Selection, "checkIn", "live");
        var now = DateTimeOffset.UtcNow;
        await api.AsOrganiser(HttpMethod.Put, "api/editions/2020/schedule/cnc-lathe/selection", new { start = now.AddHours(-1), end = now.AddHours(2), venue = "一号厅" });
        await api.AsOrganiser(HttpMethod.Put, "api/editions/2020/schedule/cnc-lathe/final", new { start = now.AddDays(2), end = now.AddDays(2).AddHours(3), venue = "主赛场" });
        await api.AsOrganiser(HttpMethod.Put, "api/editions/2020/schedule/welding/final", new { start = now.AddDays(3), end = now.AddDays(3).AddHours(3), venue = "二号厅" });

        await using var phone = await browser.Phone();
        var page = (await phone.NewPageAsync()).Watch(output, "overview-stages");
        await page.GotoAsync(gateway.Url("/?edition=2020"));

        // The schedule: the live selection first, linked to the stage's own board, with its round's phase.
        var items = page.Locator("#programme .programme-item");
        await Expect(items).ToHaveCountAsync(3);
        await Expect(items.First).ToHaveAttributeAsync("data-stage", "selection");
        await Expect(items.First.Locator(".slot-stage")).ToHaveTextAsync("挑战者选拔赛");
        await Expect(items.First.Locator(".badge-phase")).ToHaveAttributeAsync("data-phase", "live");
        await Expect(items.First.Locator("a.watch")).ToHaveAttributeAsync("href", "board/?edition=2020&occupation=cnc-lathe~selection");
        await Expect(items.Nth(1).Locator("a.watch")).ToHaveAttributeAsync("href", "board/?edition=2020&occupation=cnc-lathe");

        // The stages: CNC lathe's three in order, the selection live, its slot beside it; one-round occupations are not listed.
        var lathe = page.Locator("#occupation-stages .stage-occupation[data-occupation='cnc-lathe']");
        await Expect(page.Locator("#occupation-stages .stage-occupation")).ToHaveCountAsync(1);
        await Expect(lathe).ToHaveAttributeAsync("data-live", "true");
        Assert.Equal(["selection", "final", "review"], await lathe.Locator(".stage-step").EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.stage)"));
        var selection = lathe.Locator(".stage-step[data-stage='selection']");
        await Expect(selection).ToHaveAttributeAsync("data-phase", "live");
        await Expect(selection.Locator(".live-mark")).ToHaveTextAsync("正在进行");
        await Expect(selection.Locator(".when")).ToContainTextAsync("一号厅");
        await Expect(lathe.Locator(".stage-step[data-stage='final']")).ToHaveAttributeAsync("data-phase", "draft");
        await page.Locator("#stages-section").ScrollIntoViewIfNeededAsync();
        await Screenshots.Save(page, "stages", docsName: "overview-stages");
        await Wcag.MeetsAa(page, output, "overview: stages");

        // The filter works on stage names and venues too; "today only" keeps what is on today.
        await page.Locator("#programme-query").FillAsync("选拔");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(page.Locator("#occupation-stages .stage-occupation")).ToHaveCountAsync(1);
        await page.Locator("#programme-query").FillAsync("二号厅");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(page.Locator("#occupation-stages .stage-occupation")).ToHaveCountAsync(0);
        await page.Locator("#programme-query").FillAsync("");
        await page.Locator("#programme-today").CheckAsync();
        await Expect(items).ToHaveCountAsync(1);
        await Expect(page.Locator("#occupation-stages .stage-occupation")).ToHaveCountAsync(1);

        // Public: phases and names of stages only, nothing about anyone.
        var stages = await api.AsAnyone(HttpMethod.Get, "api/editions/2020/stages");
        var only = Assert.Single(stages.EnumerateArray());
        Assert.Equal(["occupationCode", "stages"], only.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "name", "roundCode", "phase"], only.GetProperty("stages")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_notice_page_shows_the_recommended_list_during_its_window_and_takes_an_objection()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.IssueCodes("cnc-lathe");
        await api.MoveTo("cnc-lathe", "checkIn", "live");
        foreach (var (id, level) in new[] { ("C007", 0.7m), ("C008", 0.9m), ("C009", 0.6m) })
            await api.MarkAll("cnc-lathe", id, level);
        await api.SignOff("cnc-lathe", "J013");
        var now = DateTimeOffset.UtcNow;
        await api.AsOrganiser(HttpMethod.Put, "api/editions/2020/notice", new { start = now.AddMinutes(-1), end = now.AddDays(7) });

        // On a phone: the window, the list (CNC lathe's challenger took the arena; the rest pending).
        await using var phone = await browser.Phone();
        var page = (await phone.NewPageAsync()).Watch(output, "notice");
        await page.GotoAsync(gateway.Url("/notice/?edition=2020"));
        await Expect(page.Locator("#window")).ToContainTextAsync("公示中");
        var lathe = page.Locator("#list tr[data-occupation='cnc-lathe']");
        await Expect(lathe).ToHaveAttributeAsync("data-settled", "true");
        await Expect(lathe).ToContainTextAsync("贺波");
        await Expect(lathe).ToContainTextAsync("攻擂成功");
        await Expect(page.Locator("#list tr[data-settled='false']").First).ToContainTextAsync("待定");
        await Expect(page.Locator("#counts")).ToContainTextAsync("已收到异议 0 件");

        // An objection without its text is refused in the page's language, at its field; then lodged.
        await page.Locator("#o-occupation").SelectOptionAsync("cnc-lathe");
        await page.Locator("#o-concerning").FillAsync("贺波");
        await page.Locator("#o-name").FillAsync("李明");
        await page.Locator("#o-contact").FillAsync("13900139000");
        await page.Locator("#object-form button[type='submit']").ClickAsync();
        await Expect(page.Locator("#object-state")).ToHaveTextAsync("未能提交：异议内容: 请填写此项。");
        await Expect(page.Locator("#o-text")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#o-text").FillAsync("对实操评分有疑问，请复核。");
        await page.Locator("#object-form button[type='submit']").ClickAsync();
        await Expect(page.Locator("#object-state")).ToHaveAttributeAsync("data-state", "lodged");
        await Expect(page.Locator("#object-state")).ToContainTextAsync("异议编号 1");
        await Expect(page.Locator("#counts")).ToContainTextAsync("已收到异议 1 件，已处理 0 件");
        await Screenshots.Save(page, "notice", fullPage: true);
        await Screenshots.Save(page, "objection", docsName: "notice-objection");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.Save(page, "list", docsName: "notice");
        await Wcag.MeetsAa(page, output, "notice page");

        // The office reads who lodged it; the public page never shows it.
        var objections = await api.AsOrganiser(HttpMethod.Get, "api/editions/2020/objections");
        Assert.Equal("李明", objections[0].GetProperty("form").GetProperty("name").GetString());
        Assert.DoesNotContain("李明", await page.ContentAsync());
        Assert.DoesNotContain("13900139000", await page.ContentAsync());
    }

    private static async Task SignIn(IPage console, GatewayServer gateway)
    {
        await console.GotoAsync(gateway.Url("/console/"));
        await console.Locator("#password").FillAsync(GatewayServer.OrganiserPassword);
        await console.Locator("#signin-submit").ClickAsync();
        await Expect(console.Locator("#console-view")).ToBeVisibleAsync();
    }
}
