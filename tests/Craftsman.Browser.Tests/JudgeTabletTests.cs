using Craftsman.Browser.Tests.Support;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class JudgeTabletTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Occupation = "cnc-lathe";

    [Fact]
    public async Task A_judges_mark_reaches_a_viewers_leaderboard_within_one_second()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var codes = await api.IssueCodes(Occupation);
        await api.MoveTo(Occupation, "checkIn", "live");

        // The viewer: a live leaderboard with the three contestants, none ranked before anything is final.
        await using var viewerContext = await browser.Desktop();
        var board = (await viewerContext.NewPageAsync()).Watch(output, "board");
        await board.GotoAsync(gateway.Url($"/board/?edition=2020&occupation={Occupation}"));
        await Expect(board.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(board.Locator(".standings tbody tr")).ToHaveCountAsync(3);
        await Expect(board.Locator("tr[data-contestant='C007'] .rank")).Not.ToHaveTextAsync("1");
        // Four of the five panel judges have marked P3 of C009; the tablet's judge gives the fifth.
        foreach (var judge in new[] { "J015", "J016", "J017", "J018" })
            await api.SubmitMark(Occupation, judge, "C009", "P3", 18m);

        // The judge: signs in from the QR code's link (the code in the URL fragment).
        await using var tabletContext = await browser.Tablet();
        var tablet = (await tabletContext.NewPageAsync()).Watch(output, "tablet");
        await tablet.GotoAsync(gateway.Url($"/judge/#code={codes["J014"]}"));
        await Expect(tablet.Locator("#who")).ToContainTextAsync("姜静燕");
        await Expect(tablet.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(tablet.Locator("#phase")).ToHaveAttributeAsync("data-phase", "live");
        Assert.DoesNotContain("code=", tablet.Url);

        await tablet.Locator("[data-contestant='C009']").ClickAsync();
        var p3 = tablet.Locator("form[data-criterion='P3']");
        var field = p3.Locator("input");
        var submit = p3.Locator(".submit-mark");

        // The field refuses what is off the criterion's step or range.
        await field.FillAsync("17.3");
        await Expect(p3.Locator(".error-text")).ToHaveTextAsync("分数必须是 0.5 的整数倍");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(submit).ToBeDisabledAsync();
        await field.FillAsync("20.5");
        await Expect(p3.Locator(".error-text")).ToHaveTextAsync("分数必须在 0 到 20 之间");
        await Expect(submit).ToBeDisabledAsync();

        // The stepper moves on the step grid: 17.5 + 0.5 = 18.
        await field.FillAsync("17.5");
        await p3.Locator(".step-up").ClickAsync();
        await Expect(field).ToHaveValueAsync("18");
        await Expect(submit).ToBeEnabledAsync();
        await submit.ClickAsync();
        await Expect(p3.Locator(".chip")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(p3.Locator(".chip")).ToHaveTextAsync("已保存 18");

        // Acknowledged means stored and ranked: the panel is complete, and the viewer's board shows the new order within one second.
        var fast = new LocatorAssertionsToHaveAttributeOptions { Timeout = 1000 };
        await Expect(board.Locator(".standings tbody tr").First).ToHaveAttributeAsync("data-contestant", "C009", fast);
        await Expect(board.Locator("tr[data-contestant='C009'] .rank")).ToHaveTextAsync("1", new() { Timeout = 1000 });
        await Expect(board.Locator("tr[data-contestant='C009'] .composite")).ToHaveTextAsync("12.60"); // 0.7 × 18 / 100 × 100

        await Screenshots.Save(tablet, "tablet", docsName: "judge-tablet");
        await Screenshots.Save(board, "leaderboard", docsName: "leaderboard");

        // A mark the server refuses is shown with the reason: P1 was already entered and confirmed by two other judges.
        await api.SubmitMark(Occupation, "J015", "C009", "P1", 25m);
        await api.SubmitMark(Occupation, "J016", "C009", "P1", 25m);
        var p1 = tablet.Locator("form[data-criterion='P1']");
        await p1.Locator("input").FillAsync("26");
        await p1.Locator(".submit-mark").ClickAsync();
        await Expect(p1.Locator(".chip")).ToHaveAttributeAsync("data-state", "rejected");
        await Expect(p1.Locator(".chip")).ToContainTextAsync("该测量项已由两名裁判录入并确认");
        await Expect(p1.Locator(".progress")).ToContainTextAsync("2 份评分");
        await Screenshots.Save(tablet, "tablet-rejected");
    }

    [Fact]
    public async Task A_wrong_access_code_is_refused_and_the_chief_judge_sees_the_panels_marks()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var codes = await api.IssueCodes(Occupation);
        await api.MoveTo(Occupation, "checkIn", "live");
        await api.SubmitMark(Occupation, "J014", "C007", "P3", 15m);
        await api.SubmitMark(Occupation, "J015", "C007", "P3", 16.5m);
        await api.SubmitMark(Occupation, "J016", "C007", "P3", 17m);
        await api.SubmitMark(Occupation, "J017", "C007", "P3", 18m);
        await api.SubmitMark(Occupation, "J018", "C007", "P3", 14.5m);

        await using var context = await browser.Tablet();
        var page = (await context.NewPageAsync()).Watch(output, "chief");
        await page.GotoAsync(gateway.Url("/judge/"));
        await page.Locator("#code").FillAsync("AAAA-BBBB-CCCC");
        await page.Locator("#code").PressAsync("Enter");
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("访问码不正确，请与组委会核对。");
        await Expect(page.Locator("#code")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Locator("#code").FillAsync(codes["J013"].ToLowerInvariant());
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("裁判长");
        var sheet = page.Locator("section.sheet[data-contestant='C007']");
        var p3 = sheet.Locator("tr[data-criterion='P3']");
        // DESIGN.md's worked example: drop 18 and 14.5, mean of 15, 16.5, 17 = 16.17, spread 3.5.
        await Expect(p3.Locator("td[data-judge='J015']")).ToHaveTextAsync("16.5");
        await Expect(p3.Locator("td.dropped")).ToHaveCountAsync(2);
        await Expect(p3.Locator("td").Nth(5)).ToHaveTextAsync("16.17");
        await Expect(p3.Locator("td").Nth(7)).ToHaveTextAsync("3.5");

        // A sixth mark would be the chief's; instead J014 corrects to 19: the spread 4.5 exceeds the
        // tolerance 4 and the flag reaches the chief's screen as it happens.
        await api.SubmitMark(Occupation, "J014", "C007", "P3", 19m);
        await Expect(p3).ToHaveClassAsync("flagged");
        await Expect(p3.Locator(".badge-flag")).ToHaveTextAsync("⚑ 分差超限");
        await Expect(p3.Locator(".chief-actions button")).ToHaveCountAsync(2);
        foreach (var button in await p3.Locator(".chief-actions button").AllAsync())
            await Expect(button).ToBeDisabledAsync();
        await Screenshots.Save(page, "chief", docsName: "chief-judge");

        // A judge's tablet sees the flag (never the other judges' values) and the round leaving Live.
        await using var judgeContext = await browser.Tablet();
        var judge = (await judgeContext.NewPageAsync()).Watch(output, "judge");
        await judge.GotoAsync(gateway.Url($"/judge/#code={codes["J015"]}"));
        await judge.Locator("[data-contestant='C007']").ClickAsync();
        var card = judge.Locator("form[data-criterion='P3']");
        await Expect(card.Locator(".chip")).ToHaveTextAsync("已保存 16.5");
        await Expect(card.Locator(".badge-flag")).ToHaveTextAsync("⚑ 分差超限");
        await Expect(card.Locator(".progress")).ToContainTextAsync("5 份评分");
        await Expect(judge.Locator("td[data-judge]")).ToHaveCountAsync(0);

        await api.MoveTo(Occupation, "review");
        await Expect(judge.Locator("#phase")).ToHaveAttributeAsync("data-phase", "review");
        await Expect(judge.Locator("#not-live")).ToContainTextAsync("只有在「比赛中」阶段才能提交评分");
        await Expect(card.Locator("input")).ToBeDisabledAsync();
        await Expect(card.Locator(".submit-mark")).ToBeDisabledAsync();
    }
}
