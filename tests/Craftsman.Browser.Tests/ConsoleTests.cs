using Craftsman.Browser.Tests.Support;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_organiser_imports_an_edition_opens_a_round_and_prints_access_codes()
    {
        // A gateway with nothing imported yet.
        await using var gateway = GatewayServer.Start(seedSampleEdition: false);
        using var api = new GatewayApi(gateway);

        await using var context = await browser.Desktop();
        var page = (await context.NewPageAsync()).Watch(output, "console");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync(gateway.Url("/console/"));

        await page.Locator("#password").FillAsync("not-the-password");
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("密码不正确。");
        await page.Locator("#password").FillAsync(GatewayServer.OrganiserPassword);
        await page.Locator("#password").PressAsync("Enter");
        await Expect(page.Locator("#console-view")).ToBeVisibleAsync();

        // Import: a broken document is refused with every error listed; the sample is imported.
        await page.Locator("#tab-import").ClickAsync();
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.json",
            MimeType = "application/json",
            Buffer = """{"edition":{"id":"2020","title":{"zh":"坏","en":"Bad"},"year":2020,"appealWindowMinutes":120,"qualifyingScore":120},"markingSchemes":[],"occupations":[{"code":"x","name":{"zh":"某","en":"X"},"mode":"competition","scheme":"nope"}],"contestants":[],"judges":[]}"""u8.ToArray(),
        });
        await page.Locator("#import-submit").ClickAsync();
        await Expect(page.Locator("#import-result [data-result='failed']")).ToContainTextAsync("scheme 'nope' is not defined");
        await Expect(page.Locator("#import-result [data-result='failed']")).ToContainTextAsync("qualifyingScore must lie between 0 and 100");

        await page.Locator("#import-file").SetInputFilesAsync(Repository.SampleEdition);
        await page.Locator("#import-submit").ClickAsync();
        await Expect(page.Locator("#import-result [data-result='imported']")).ToContainTextAsync("30 个工种，85 名选手，180 名裁判");

        // Rounds: cnc-lathe goes Draft → CheckIn → Live; a jump the lifecycle forbids is refused with its reason.
        await page.Locator("#tab-rounds").ClickAsync();
        var row = page.Locator("#rounds tr[data-occupation='cnc-lathe']");
        await Expect(row.Locator(".phase")).ToHaveAttributeAsync("data-phase", "draft");
        await row.Locator("select").SelectOptionAsync("checkIn");
        await row.Locator("button[data-action='apply']").ClickAsync();
        await Expect(row.Locator(".phase")).ToHaveAttributeAsync("data-phase", "checkIn");
        await Expect(row.Locator("select")).ToHaveValueAsync("live");
        // Nobody has checked in yet: going live is refused with its reason.
        await row.Locator("button[data-action='apply']").ClickAsync();
        await Expect(row.Locator(".row-message.alert-bad")).Not.ToBeEmptyAsync();
        await Expect(row.Locator(".phase")).ToHaveAttributeAsync("data-phase", "checkIn");
        await api.Command("cnc-lathe", "check-in-all");
        await row.Locator("select").SelectOptionAsync("live");
        await row.Locator("button[data-action='apply']").ClickAsync();
        await Expect(row.Locator(".phase")).ToHaveAttributeAsync("data-phase", "live");
        await Expect(row.Locator(".row-message")).ToHaveTextAsync("数控车工 已进入「比赛中」");

        await row.Locator("select").SelectOptionAsync("published");
        await row.Locator("button[data-action='apply']").ClickAsync();
        await Expect(row.Locator(".row-message.alert-bad")).Not.ToBeEmptyAsync();
        await Expect(row.Locator(".phase")).ToHaveAttributeAsync("data-phase", "live");
        Assert.Equal("live", (await api.Leaderboard("cnc-lathe")).GetProperty("phase").GetString());
        await Screenshots.Save(page, "rounds", docsName: "console");

        // Access codes: one card per judge of the panel, printable; a code can be revoked.
        await page.Locator("#tab-codes").ClickAsync();
        await page.Locator("#codes-occupation").SelectOptionAsync("cnc-lathe");
        await page.Locator("#issue").ClickAsync();
        await Expect(page.Locator(".code-card")).ToHaveCountAsync(6);
        var card = page.Locator(".code-card[data-judge='J014']");
        await Expect(card.Locator(".card-name")).ToHaveTextAsync("姜静燕");
        await Expect(card.Locator(".card-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"));
        await Expect(card.Locator(".qr svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#print")).ToBeEnabledAsync();
        await Screenshots.Save(page, "codes", fullPage: true);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.EvaluateAsync("() => document.body.classList.add('printing-codes')");
        await Screenshots.Save(page, "codes-print", docsName: "access-code-cards", fullPage: true);
        await page.EvaluateAsync("() => document.body.classList.remove('printing-codes')");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        var judgeRow = page.Locator("#judges tr[data-judge='J014']");
        await judgeRow.Locator("button[data-action='revoke']").ClickAsync();
        await Expect(judgeRow.Locator(".code-status")).ToContainTextAsync("已吊销");
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("revoked"));
    }
}
