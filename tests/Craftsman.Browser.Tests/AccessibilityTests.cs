using Craftsman.Browser.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

/// <summary>
/// Every page, in the states people see, checked by axe-core against the WCAG 2.0/2.1 A and AA
/// rules it can test automatically (contrast, names and labels, structure, language, ARIA use).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task Every_page_meets_the_automatically_testable_WCAG_AA_rules()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var codes = await api.IssueCodes("cnc-lathe");
        await api.MoveTo("cnc-lathe", "checkIn", "live");
        await api.MarkAll("cnc-lathe", "C008", 0.9m);
        await api.MarkAll("cnc-lathe", "C007", 0.8m);

        var violations = new List<string>();

        await using (var tablet = await browser.Tablet())
        {
            var page = (await tablet.NewPageAsync()).Watch(output, "judge");
            await page.GotoAsync(gateway.Url("/judge/"));
            await Check(page, "judge sign-in", violations);
            await page.GotoAsync(gateway.Url($"/judge/#code={codes["J014"]}"));
            await Expect(page.Locator("form[data-criterion='P3']")).ToBeVisibleAsync();
            await page.Locator("form[data-criterion='P3'] input").FillAsync("3.3");
            await Check(page, "judge marking (with an input error)", violations);

            var chief = (await tablet.NewPageAsync()).Watch(output, "chief");
            await chief.GotoAsync(gateway.Url($"/judge/#code={codes["J013"]}"));
            await Expect(chief.Locator("section.sheet")).ToHaveCountAsync(3);
            await Check(chief, "chief judge", violations);
        }

        await using (var screen = await browser.FullHd())
        {
            var page = (await screen.NewPageAsync()).Watch(output, "viewer");
            await page.GotoAsync(gateway.Url("/board/?edition=2020&occupation=cnc-lathe"));
            await Expect(page.Locator(".standings tbody tr")).ToHaveCountAsync(3);
            await Check(page, "leaderboard", violations);
            await page.GotoAsync(gateway.Url("/board/?edition=2020"));
            await Expect(page.Locator("#overview > li")).ToHaveCountAsync(30);
            await Check(page, "overview", violations);
            await page.GotoAsync(gateway.Url("/board/?edition=2020&screen=big&interval=600"));
            await Expect(page.Locator(".standings tbody tr").First).ToBeVisibleAsync();
            await Check(page, "big screen", violations);
            await page.GotoAsync(gateway.Url("/arena/?edition=2020&occupation=cnc-lathe"));
            await Expect(page.Locator(".arena-card")).ToHaveCountAsync(3);
            await Check(page, "arena", violations);

            await page.GotoAsync(gateway.Url("/console/"));
            await page.Locator("#password").FillAsync(GatewayServer.OrganiserPassword);
            await page.Locator("#password").PressAsync("Enter");
            await page.Locator("#tab-rounds").ClickAsync();
            await Expect(page.Locator("#rounds tr[data-occupation='cnc-lathe'] .badge")).ToBeVisibleAsync();
            await Check(page, "console rounds", violations);
            await page.Locator("#tab-codes").ClickAsync();
            await page.Locator("#codes-occupation").SelectOptionAsync("cnc-lathe");
            await page.Locator("#issue").ClickAsync();
            await Expect(page.Locator(".code-card")).ToHaveCountAsync(6);
            await Check(page, "console access codes", violations);
        }

        Assert.True(violations.Count == 0, "WCAG A/AA violations:\n" + string.Join("\n", violations));
    }

    private async Task Check(IPage page, string what, List<string> violations)
    {
        var result = await page.RunAxe(WcagAa);
        output.WriteLine($"{what}: {result.Passes.Length} rules passed, {result.Incomplete.Length} need a person's review ({string.Join(", ", result.Incomplete.Select(i => i.Id))}), {result.Violations.Length} violated");
        foreach (var violation in result.Violations)
            foreach (var node in violation.Nodes)
            {
                var line = $"{what}: [{violation.Id}] {violation.Help} at {node.Target}: {node.Html}";
                output.WriteLine(line);
                violations.Add(line);
            }
    }
}
