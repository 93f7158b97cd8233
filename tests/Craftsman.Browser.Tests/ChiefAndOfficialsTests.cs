using Craftsman.Browser.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

/// <summary>
/// The people who decide rather than mark, on the same tablet page: the chief judge resolves the
/// panel's flags and signs the round off (and a judge answers a re-mark request); the encryption
/// officer draws the numbers of a blind round and approves their reveal; the arbitration group
/// rules an appeal. Each step is checked on the page and in the server's status.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChiefAndOfficialsTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Occupation = "cnc-lathe";
    private static readonly string[] Judges = ["J014", "J015", "J016", "J017", "J018"];

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task The_chief_judge_reopens_a_flag_for_one_judge_confirms_another_with_a_reason_and_signs_off()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var codes = await api.IssueCodes(Occupation);
        await api.MoveTo(Occupation, "checkIn", "live");
        // Everything marked alike first, so the round can be signed off once the flags are resolved.
        foreach (var contestant in new[] { "C007", "C008", "C009" })
            await api.MarkAll(Occupation, contestant, 0.8m);
        // P3 of C007 (tolerance 4) spreads 12…18 = 6; P4 of C008 (tolerance 2) spreads 5…9.5 = 4.5: both flagged.
        decimal[] p3 = [12, 13, 13, 14, 18];
        decimal[] p4 = [5, 6, 6, 7, 9.5m];
        for (var j = 0; j < Judges.Length; j++)
        {
            await api.SubmitMark(Occupation, Judges[j], "C007", "P3", p3[j]);
            await api.SubmitMark(Occupation, Judges[j], "C008", "P4", p4[j]);
        }
        await api.MoveTo(Occupation, "review");

        await using var chiefContext = await browser.Tablet();
        var chief = (await chiefContext.NewPageAsync()).Watch(output, "chief");
        var questions = new List<string>();
        chief.Dialog += (_, dialog) => { questions.Add(dialog.Message); _ = dialog.AcceptAsync(); };
        await chief.GotoAsync(gateway.Url($"/judge/#code={codes["J013"]}"));
        await Expect(chief.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        var facts = chief.Locator("#chief-facts");
        await Expect(facts.Locator("[data-fact='phase'] dd")).ToHaveTextAsync("复核");
        await Expect(facts.Locator("[data-fact='flags'] dd")).ToHaveTextAsync("2");
        await Expect(facts.Locator("[data-fact='blind'] dd")).ToHaveTextAsync("否");
        await Expect(facts.Locator("[data-fact='signedOff'] dd")).ToHaveTextAsync("尚未签核");
        await Expect(chief.Locator("#sign-off")).ToBeDisabledAsync();
        Assert.DoesNotContain("null", await facts.InnerTextAsync());

        // Reopen P3 of C007: everyone who marked it comes ticked; the chief keeps only the outlier.
        var p3Row = chief.Locator("section.sheet[data-contestant='C007'] tr[data-criterion='P3']");
        await Expect(p3Row).ToHaveClassAsync("flagged");
        await p3Row.Locator("button[data-action='reopen']").ClickAsync();
        var reopen = chief.Locator("#reopen-dialog");
        await Expect(reopen).ToBeVisibleAsync();
        await Expect(reopen.Locator("#reopen-context")).ToContainTextAsync("任宇 · P3 工艺与程序编制 · ⚑ 分差超限 · 分差 6");
        await Expect(reopen.Locator("label[for='reopen-J018']")).ToHaveTextAsync("薛丽 （评分 18）");
        await Expect(reopen.Locator("#reopen-J014")).ToBeFocusedAsync();
        await AssertAccessible(chief, "reopen dialog");
        foreach (var id in Judges)
            await Expect(reopen.Locator($"#reopen-{id}")).ToBeCheckedAsync();
        foreach (var id in Judges)
            await reopen.Locator($"#reopen-{id}").UncheckAsync();
        await reopen.Locator("#reopen-submit").ClickAsync();
        await Expect(reopen.Locator("#reopen-error")).ToHaveTextAsync("请至少选择一名裁判。");
        Assert.Equal(0, (await api.Status(Occupation)).GetProperty("reopened").GetArrayLength());
        await reopen.Locator("#reopen-J018").CheckAsync();
        await reopen.Locator("#reopen-submit").ClickAsync();
        await Expect(reopen).ToBeHiddenAsync();
        await Expect(p3Row.Locator(".chief-row-note")).ToHaveTextAsync("已请 薛丽 重新评分：任宇 · P3");
        await Expect(p3Row.Locator("[data-reopened]")).ToHaveTextAsync("重新评分：薛丽");
        await Expect(facts.Locator("[data-fact='reopened'] li")).ToHaveTextAsync("任宇 · P3 工艺与程序编制 → 薛丽");
        var reopened = (await api.Status(Occupation)).GetProperty("reopened");
        Assert.Equal("C007", reopened[0].GetProperty("contestantId").GetString());
        Assert.Equal("P3", reopened[0].GetProperty("criterionId").GetString());
        Assert.Equal(["J018"], reopened[0].GetProperty("judgeIds").EnumerateArray().Select(j => j.GetString()));
        await Screenshots.Save(chief, "chief-review", docsName: "chief-review");

        // J018's tablet: the request is on the contestant's tab and on the criterion, which alone takes a mark in Review.
        await using var judgeContext = await browser.Tablet();
        var judge = (await judgeContext.NewPageAsync()).Watch(output, "J018");
        await judge.GotoAsync(gateway.Url($"/judge/#code={codes["J018"]}"));
        await Expect(judge.Locator("#phase")).ToHaveAttributeAsync("data-phase", "review");
        await Expect(judge.Locator(".contestant-tab[data-contestant='C007'] .badge-remark")).ToHaveTextAsync("请重新评分");
        await Expect(judge.Locator(".contestant-tab[data-contestant='C008'] .badge-remark")).ToBeHiddenAsync();
        await Expect(judge.Locator("#not-live")).ToContainTextAsync("只能提交裁判长请您重新评分的项目");
        await judge.Locator(".contestant-tab[data-contestant='C007']").ClickAsync();
        var card = judge.Locator("form[data-criterion='P3']");
        await Expect(card.Locator(".badge-remark")).ToBeVisibleAsync();
        await Expect(card.Locator("input")).ToBeEnabledAsync();
        await Expect(judge.Locator("form[data-criterion='P4'] input")).ToBeDisabledAsync();
        await Expect(judge.Locator("form[data-criterion='P4'] .badge-remark")).ToBeHiddenAsync();
        await card.Locator("input").FillAsync("14");
        await card.Locator(".submit-mark").ClickAsync();
        await Expect(card.Locator(".chip")).ToContainTextAsync("已保存 14");
        await Expect(card.Locator(".badge-flag")).ToHaveCountAsync(0);
        await Screenshots.Save(judge, "judge-remark");
        // The re-mark fulfils the request: the badge goes and the criterion closes again.
        await Expect(card.Locator(".badge-remark")).ToBeHiddenAsync();
        await Expect(card.Locator("input")).ToBeDisabledAsync();
        Assert.Equal(0, (await api.Status(Occupation)).GetProperty("reopened").GetArrayLength());

        // The spread is now 2: the flag clears on the chief's screen, one flag left.
        await Expect(p3Row.Locator("td[data-judge='J018']")).ToHaveTextAsync("14");
        await Expect(p3Row.Locator(".badge-flag")).ToHaveCountAsync(0);
        await Expect(facts.Locator("[data-fact='flags'] dd")).ToHaveTextAsync("1");
        var sheet = await api.Scoresheet("C007");
        Assert.Equal("none", sheet.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterionId").GetString() == "P3").GetProperty("flag").GetString());

        // Confirm P4 of C008: a reason is required before anything is sent; the dialog works from the keyboard.
        var p4Row = chief.Locator("section.sheet[data-contestant='C008'] tr[data-criterion='P4']");
        await p4Row.Locator("button[data-action='confirm']").ClickAsync();
        var confirm = chief.Locator("#confirm-dialog");
        await Expect(confirm).ToBeVisibleAsync();
        await Expect(chief.Locator("#confirm-reason")).ToBeFocusedAsync();
        await chief.Locator("#confirm-submit").ClickAsync();
        await Expect(confirm.Locator("#confirm-error")).ToHaveTextAsync("请填写确认的理由。");
        await AssertAccessible(chief, "confirm dialog with an error");
        await Expect(chief.Locator("#confirm-reason")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(1, (await api.Status(Occupation)).GetProperty("openFlags").GetArrayLength());
        await chief.Locator("#confirm-reason").FillAsync("现场录像复核：9.5 分有据，分差成立。");
        await chief.Keyboard.PressAsync("Tab");
        await Expect(chief.Locator("#confirm-submit")).ToBeFocusedAsync();
        await chief.Keyboard.PressAsync("Enter");
        await Expect(confirm).ToBeHiddenAsync();
        await Expect(p4Row).ToHaveClassAsync("confirmed");
        await Expect(p4Row.Locator(".badge-confirmed")).ToHaveTextAsync("⚑ 分差超限 · 已确认");
        await Expect(p4Row.Locator(".chief-actions button")).ToHaveCountAsync(0);
        await Expect(facts.Locator("[data-fact='flags'] dd")).ToHaveTextAsync("0");
        Assert.Equal(0, (await api.Status(Occupation)).GetProperty("openFlags").GetArrayLength());

        // Sign-off, after a confirm() question; the judge's tablet closes the re-mark with it.
        await Expect(chief.Locator("#sign-off")).ToBeEnabledAsync();
        await chief.Locator("#sign-off").ClickAsync();
        await Expect(chief.Locator("#chief-message")).ToHaveTextAsync("本轮已签核。");
        Assert.Contains(questions, q => q.Contains("签核后本轮评分将被锁定"));
        await Expect(facts.Locator("[data-fact='phase'] dd")).ToHaveTextAsync("已签核");
        await Expect(facts.Locator("[data-fact='signedOff'] dd")).ToContainTextAsync("卢勇晨 · ");
        await Expect(chief.Locator("#phase")).ToHaveAttributeAsync("data-phase", "signedOff");
        await Expect(chief.Locator("#sign-off")).ToBeDisabledAsync();
        var status = await api.Status(Occupation);
        Assert.Equal("signedOff", status.GetProperty("phase").GetString());
        Assert.Equal("J013", status.GetProperty("signedOffBy").GetString());
        await Expect(card.Locator(".badge-remark")).ToBeHiddenAsync();
        await Expect(card.Locator("input")).ToBeDisabledAsync();

        // The same panel in English.
        await chief.Locator("#lang").ClickAsync();
        await Expect(facts.Locator("[data-fact='phase'] dd")).ToHaveTextAsync("Signed off");
        await Expect(chief.Locator("#sign-off")).ToHaveTextAsync("Sign off");
        await Expect(p4Row.Locator(".badge-confirmed")).ToHaveTextAsync("⚑ Spread over tolerance · confirmed");
    }

    [Fact]
    public async Task The_encryption_officer_draws_the_numbers_of_a_blind_round_and_approves_their_reveal()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.Import(GatewayApi.SampleWithOfficials());
        await api.IssueCodes(Occupation);
        var codes = await api.IssueCodesFor("O01");
        await api.Command(Occupation, "blind", new { blind = true });
        await api.MoveTo(Occupation, "checkIn");
        await api.Command(Occupation, "check-in", new { contestantId = "C007" });
        await api.Command(Occupation, "check-in", new { contestantId = "C008" });

        await using var context = await browser.Tablet();
        var page = (await context.NewPageAsync()).Watch(output, "officer");
        var questions = new List<string>();
        page.Dialog += (_, dialog) => { questions.Add(dialog.Message); _ = dialog.AcceptAsync(); };
        await page.GotoAsync(gateway.Url($"/judge/#code={codes["O01"]}"));
        await Expect(page.Locator("#who")).ToHaveTextAsync("加密裁判甲 · 加密裁判");
        await Expect(page.Locator("#officials-panel")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("加密与仲裁");
        await Expect(page).ToHaveTitleAsync("加密与仲裁 · 北京大工匠");
        await Expect(page.Locator("#not-panel")).ToBeHiddenAsync();
        await Expect(page.Locator("#official-occupation option")).ToHaveCountAsync(31);
        await page.Locator("#official-occupation").SelectOptionAsync(Occupation);

        var facts = page.Locator("#official-facts");
        await Expect(facts.Locator("[data-fact='phase'] dd")).ToHaveTextAsync("检录");
        await Expect(facts.Locator("[data-fact='blind'] dd")).ToHaveTextAsync("是，尚未抽签");
        await Expect(facts.Locator("[data-fact='checkedIn'] dd")).ToHaveTextAsync("2/3 名选手");
        await Expect(page.Locator("#officer-approve")).ToBeDisabledAsync();
        await Expect(page.Locator("#appeals-section")).ToBeHiddenAsync();

        // The page follows the occupation's board: a check-in by the organiser shows up by itself.
        await api.Command(Occupation, "check-in", new { contestantId = "C009" });
        await Expect(facts.Locator("[data-fact='checkedIn'] dd")).ToHaveTextAsync("3/3 名选手");

        await page.Locator("#draw-numbers").ClickAsync();
        await Expect(page.Locator("#official-message")).ToHaveTextAsync("已抽签。");
        Assert.Contains(questions, q => q.Contains("为 数控车工 的 3 名选手抽签"));
        await Expect(facts.Locator("[data-fact='blind'] dd")).ToHaveTextAsync("是，已抽签");
        Assert.True((await api.Status(Occupation)).GetProperty("numbersDrawn").GetBoolean());
        // The officer's page shows that numbers exist, never who has which.
        Assert.DoesNotMatch("D0[1-3]", await page.Locator("#officials-panel").InnerTextAsync());

        // The round is marked (nothing flagged) and signed off by the chief judge; then the officer approves.
        await api.MoveTo(Occupation, "live");
        foreach (var number in new[] { "D01", "D02", "D03" })
            await api.MarkAll(Occupation, number, 0.8m);
        await api.MoveTo(Occupation, "review");
        await api.As("J013", Occupation, "sign-off");
        await Expect(facts.Locator("[data-fact='phase'] dd")).ToHaveTextAsync("已签核");
        await Expect(facts.Locator("[data-fact='signedOff'] dd")).ToContainTextAsync("卢勇晨 · ");
        await Expect(facts.Locator("[data-fact='approvals'] dd")).ToHaveTextAsync("裁判长：未同意 · 加密裁判：未同意");
        await Expect(page.Locator("#draw-numbers")).ToBeDisabledAsync();
        await page.Locator("#officer-approve").ClickAsync();
        await Expect(page.Locator("#official-message")).ToHaveTextAsync("您已同意揭晓编号。");
        await Expect(facts.Locator("[data-fact='approvals'] dd")).ToHaveTextAsync("裁判长：未同意 · 加密裁判：已同意");
        await Expect(page.Locator("#officer-approve")).ToBeDisabledAsync();
        Assert.Contains("encryptionOfficer", (await api.Status(Occupation)).GetProperty("revealApprovals").EnumerateArray().Select(r => r.GetString()));

        // The chief judge approves too; "Refresh" reads it at once, and publication is now possible.
        await api.As("J013", Occupation, "reveal-approval");
        await page.Locator("#official-refresh").ClickAsync();
        await Expect(facts.Locator("[data-fact='approvals'] dd")).ToHaveTextAsync("裁判长：已同意 · 加密裁判：已同意");
        Assert.DoesNotContain("null", await facts.InnerTextAsync());
        await AssertAccessible(page, "encryption officer");
        await Screenshots.Save(page, "officer");
        await api.MoveTo(Occupation, "published");
        await Expect(facts.Locator("[data-fact='phase'] dd")).ToHaveTextAsync("已公布");
    }

    [Fact]
    public async Task The_arbitration_group_rules_an_appeal_with_a_written_reason()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.Import(GatewayApi.SampleWithOfficials());
        await api.IssueCodes(Occupation);
        var codes = await api.IssueCodesFor("A01");
        await api.MoveTo(Occupation, "checkIn", "live");
        foreach (var contestant in new[] { "C007", "C008", "C009" })
            await api.MarkAll(Occupation, contestant, 0.8m);
        await api.MoveTo(Occupation, "review");
        await api.As("J013", Occupation, "sign-off");
        await api.MoveTo(Occupation, "published");
        const string grounds = "代表作第三件按时提交，但未被评审。";
        await api.Command(Occupation, "appeals", new { contestantId = "C007", criterionId = "E1", grounds });

        await using var context = await browser.Tablet();
        var page = (await context.NewPageAsync()).Watch(output, "arbiter");
        await page.GotoAsync(gateway.Url($"/judge/#code={codes["A01"]}"));
        await Expect(page.Locator("#who")).ToHaveTextAsync("仲裁组甲 · 仲裁组成员");
        await page.Locator("#official-occupation").SelectOptionAsync(Occupation);
        await Expect(page.Locator("#officer-actions")).ToBeHiddenAsync();
        await Expect(page.Locator("#official-facts [data-fact='phase'] dd")).ToHaveTextAsync("已公布");
        await Expect(page.Locator("#official-facts [data-fact='objectionWindow'] dd")).Not.ToBeEmptyAsync();

        var first = page.Locator("article.appeal-card[data-appeal='1']");
        await Expect(first.Locator(".appeal-state")).ToHaveTextAsync("待裁决");
        await Expect(first.Locator("[data-fact='contestant'] dd")).ToHaveTextAsync("任宇（C007）");
        await Expect(first.Locator("[data-fact='criterion'] dd")).ToHaveTextAsync("E1 技艺水平与代表作");
        await Expect(first.Locator("[data-fact='grounds'] dd")).ToHaveTextAsync(grounds);
        await Expect(first.Locator("[data-fact='filed'] dd")).ToContainTextAsync("组委会 · ");

        // A second appeal filed meanwhile appears by itself; what is typed for it survives the first ruling.
        await api.Command(Occupation, "appeals", new { contestantId = "C008", criterionId = "E2", grounds = "创新成果评分偏低。" });
        var second = page.Locator("article.appeal-card[data-appeal='2']");
        await Expect(second.Locator(".appeal-state")).ToHaveTextAsync("待裁决");
        await second.Locator("textarea").FillAsync("尚在调阅材料");

        // Neither a decision nor a reason may be missing; nothing is sent until both are there.
        await first.Locator("button[type='submit']").ClickAsync();
        await Expect(first.Locator(".error-text")).ToHaveTextAsync("请选择“申诉成立”或“驳回申诉”。");
        await first.GetByLabel("驳回申诉").CheckAsync();
        await first.Locator("button[type='submit']").ClickAsync();
        await Expect(first.Locator(".error-text")).ToHaveTextAsync("请填写裁决的书面理由。");
        await Expect(first.Locator("textarea")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessible(page, "arbitration group with a ruling error");
        Assert.Equal("open", (await api.Status(Occupation)).GetProperty("appeals")[0].GetProperty("status").GetString());

        const string reason = "经调阅，第三件代表作已由五名裁判评审并记录在案。";
        await first.GetByLabel("书面理由（必填）").FillAsync(reason);
        await first.Locator("button[type='submit']").ClickAsync();
        await Expect(page.Locator("#official-message")).ToHaveTextAsync("申诉 1 已裁决。");
        await Expect(first.Locator(".appeal-state")).ToHaveTextAsync("已驳回");
        await Expect(first.Locator("[data-fact='ruling'] dd")).ToContainTextAsync(reason);
        await Expect(first.Locator("[data-fact='ruling'] dd")).ToContainTextAsync("仲裁组甲");
        await Expect(first.Locator("form")).ToHaveCountAsync(0);
        await Expect(second.Locator("textarea")).ToHaveValueAsync("尚在调阅材料");

        var appeals = (await api.Status(Occupation)).GetProperty("appeals");
        Assert.Equal("rejected", appeals[0].GetProperty("status").GetString());
        Assert.Equal(reason, appeals[0].GetProperty("ruling").GetString());
        Assert.Equal("A01", appeals[0].GetProperty("ruledBy").GetString());
        Assert.Equal("open", appeals[1].GetProperty("status").GetString());
        await Screenshots.Save(page, "officials", docsName: "officials", fullPage: true);
    }

    /// <summary>The new views and dialogs meet the automatically testable WCAG 2.1 A/AA rules, as every other page does.</summary>
    private async Task AssertAccessible(IPage page, string what)
    {
        var result = await page.RunAxe(WcagAa);
        var violations = result.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{what}: [{v.Id}] {v.Help} at {n.Target}: {n.Html}"))
            .ToList();
        foreach (var line in violations)
            output.WriteLine(line);
        Assert.True(violations.Count == 0, "WCAG A/AA violations:\n" + string.Join("\n", violations));
    }
}
