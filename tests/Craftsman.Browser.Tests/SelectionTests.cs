using System.Text.Json;
using Craftsman.Browser.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

/// <summary>The open call, the schedule on the public overview, the named screens the office directs, and the stream overlay.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SelectionTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Call = "api/editions/2020/occupations/cnc-lathe";

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task An_entrant_registers_on_a_phone_the_office_vets_the_entries_and_the_entrant_reads_the_result()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var now = DateTimeOffset.UtcNow;
        await api.AsOrganiser(HttpMethod.Put, $"{Call}/open-call", new { opens = now.AddDays(-1), closes = now.AddDays(30) });

        // The entrant, in English on a phone: a wrong ID field is refused beside the field, then the receipt.
        await using var phone = await browser.Phone();
        var page = (await phone.NewPageAsync()).Watch(output, "register");
        await page.GotoAsync(gateway.Url("/register/?edition=2020&occupation=cnc-lathe&lang=en"));
        await Expect(page.Locator("#call-state")).ToHaveAttributeAsync("data-open", "true");
        await page.Locator("#name").FillAsync("王建国");
        await page.Locator("#employer").FillAsync("北京第一机床厂");
        await page.Locator("#contact").FillAsync("138 0013 8000");
        await page.Locator("#idLast4").FillAsync("12");
        await page.Locator("#statement").FillAsync("Fifteen years of CNC turning; city technical contest winner 2018.");
        await page.Locator("#register-submit").ClickAsync();
        await Expect(page.Locator("#idLast4-error")).ToContainTextAsync("3 digits and X");
        await Expect(page.Locator("#idLast4")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#idLast4").FillAsync("123x");
        await page.Locator("#register-submit").ClickAsync();
        await Expect(page.Locator("#receipt-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[2-9A-Z]{5}-[2-9A-Z]{5}$"));
        var receipt = await page.Locator("#receipt-number").TextContentAsync();
        await Expect(page.Locator("#call-counts")).ToContainTextAsync("1 registrations received");
        await Screenshots.Save(page, "registered", docsName: "open-call-register", fullPage: true);
        await MeetsWcagAa(page, "registration page");

        // The same person again (spelled with a space), and someone else.
        var twin = (await api.AsAnyone(HttpMethod.Post, $"{Call}/registrations",
            new { name = "王 建国", employer = "北京第一机床厂", contact = "13800138000", idLast4 = "123X", statement = "再次报名。" })).GetProperty("receiptNumber").GetString()!;
        await api.AsAnyone(HttpMethod.Post, $"{Call}/registrations",
            new { name = "李明", employer = "首都机械公司", contact = "li.ming@example.cn", idLast4 = "5678", statement = "数控车削十年。" });

        // The office: duplicates marked, the twin rejected with its reason, the first and Li Ming accepted.
        await using var desk = await browser.Desktop();
        var console = (await desk.NewPageAsync()).Watch(output, "console");
        await SignIn(console, gateway);
        await console.Locator("#tab-opencall").ClickAsync();
        await console.Locator("#call-occupation").SelectOptionAsync("cnc-lathe");
        await Expect(console.Locator("#call-entries tbody tr")).ToHaveCountAsync(3);
        await Expect(console.Locator($"#call-entries tr[data-receipt='{receipt}'] .duplicates")).ToContainTextAsync(twin);
        var twinRow = console.Locator($"#call-entries tr[data-receipt='{twin}']");
        await twinRow.Locator("button[data-action='reject']").ClickAsync();
        await Expect(console.Locator("#call-message")).ToContainTextAsync("不通过时必须填写原因");
        await twinRow.Locator("input.reason").FillAsync("重复报名，以第一份为准");
        await twinRow.Locator("button[data-action='reject']").ClickAsync();
        await Expect(twinRow).ToHaveAttributeAsync("data-status", "rejected");
        await console.Locator($"#call-entries tr[data-receipt='{receipt}'] button[data-action='accept']").ClickAsync();
        await Expect(console.Locator($"#call-entries tr[data-receipt='{receipt}']")).ToHaveAttributeAsync("data-status", "accepted");
        await console.Locator("#call-entries tr:has-text('李明') button[data-action='accept']").ClickAsync();
        await Expect(console.Locator("#call-challengers")).ToContainTextAsync("王建国 (cnc-lathe-R001)");
        await Expect(console.Locator("#call-challengers")).ToContainTextAsync("李明 (cnc-lathe-R002)");
        await Screenshots.Save(console, "vetting", docsName: "console-open-call", fullPage: true);
        await MeetsWcagAa(console, "console: open call");

        // The entrant looks the decision up with receipt and ID digits; a wrong digit finds nothing.
        await page.Locator("#check-id").FillAsync("1239");
        await page.Locator("#check-submit").ClickAsync();
        await Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-status", "refused");
        await page.Locator("#check-id").FillAsync("123X");
        await page.Locator("#check-submit").ClickAsync();
        await Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-status", "accepted");
        await Expect(page.Locator("#check-result")).ToContainTextAsync("you are a challenger");
        var challengers = await api.AsOrganiser(HttpMethod.Get, $"{Call}/challengers");
        Assert.Equal(["王建国", "李明"], challengers.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_named_screen_changes_within_two_seconds_of_the_console_switching_it()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.IssueCodes("cnc-lathe");
        await api.MoveTo("cnc-lathe", "checkIn", "live");
        await api.MarkAll("cnc-lathe", "C008", 0.9m);
        await api.MarkAll("cnc-lathe", "C007", 0.8m);
        var now = DateTimeOffset.UtcNow;
        await api.AsOrganiser(HttpMethod.Put, "api/editions/2020/schedule/cnc-lathe/final", new { start = now.AddHours(-1), end = now.AddHours(2), venue = "一号厅" });

        // The hall's screen comes up under its name and shows the welcome, with what the schedule says is live.
        await using var hall = await browser.FullHd();
        var screen = (await hall.NewPageAsync()).Watch(output, "Hall-A");
        await screen.GotoAsync(gateway.Url("/board/?edition=2020&screen=Hall-A"));
        await Expect(screen.Locator("#screen")).ToHaveAttributeAsync("data-show", "welcome");
        await Expect(screen.Locator("#screen-welcome .welcome-live")).ToContainTextAsync("数控车工");
        await Expect(screen.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        await Screenshots.Save(screen, "welcome", docsName: "screen-welcome");
        await MeetsWcagAa(screen, "named screen: welcome");

        await using var desk = await browser.Desktop();
        var console = (await desk.NewPageAsync()).Watch(output, "console");
        await SignIn(console, gateway);
        await console.Locator("#tab-screens").ClickAsync();
        var row = console.Locator("#screens tr[data-screen='Hall-A']");
        await Expect(row).ToContainTextAsync("Hall-A");

        // Switch: the arena of CNC lathe. The criterion: the screen shows it within 2 s of the click.
        await row.Locator("select.content").SelectOptionAsync("arena");
        await row.Locator("select.occupation").SelectOptionAsync("cnc-lathe");
        await row.Locator("button[data-action='direct']").ClickAsync();
        await Expect(screen.Locator("#screen")).ToHaveAttributeAsync("data-show", "arena", new() { Timeout = 2000 });
        await Expect(screen.FrameLocator("#screen-frame").Locator("#occupation-name")).ToHaveTextAsync("数控车工");
        await Expect(console.Locator("#screens-message")).ToContainTextAsync("Hall-A 已切换为「擂台对决」");
        await Screenshots.Save(console, "screens", docsName: "console-screens");
        await MeetsWcagAa(console, "console: screens");
        await Screenshots.Save(screen, "arena", docsName: "screen-arena");

        // The ceremony, then a rotation that follows the schedule (only what is live now).
        await row.Locator("select.content").SelectOptionAsync("ceremony");
        await row.Locator("button[data-action='direct']").ClickAsync();
        await Expect(screen.Locator("#screen")).ToHaveAttributeAsync("data-show", "ceremony", new() { Timeout = 2000 });
        await Expect(screen.Locator("#screen-ribbon")).ToBeVisibleAsync();
        await Expect(screen.FrameLocator("#screen-frame").Locator("#big-title")).ToHaveTextAsync("数控车工");
        await row.Locator("select.content").SelectOptionAsync("rotation");
        await row.Locator("button[data-action='direct']").ClickAsync();
        await Expect(screen.Locator("#screen")).ToHaveAttributeAsync("data-show", "rotation", new() { Timeout = 2000 });
        await Expect(screen.Locator("#screen-frame")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("occupations=cnc-lathe(&|$)"));

        // A screen that reloads is told its current show at once.
        await screen.ReloadAsync();
        await Expect(screen.Locator("#screen")).ToHaveAttributeAsync("data-show", "rotation");
    }

    [Fact]
    public async Task The_overview_puts_what_is_live_first_and_filters_by_occupation_venue_and_today_on_a_phone()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var now = DateTimeOffset.UtcNow;
        await api.AsOrganiser(HttpMethod.Put, "api/editions/2020/schedule/welding/final", new { start = now.AddDays(3), end = now.AddDays(3).AddHours(3), venue = "二号厅" });
        await api.AsOrganiser(HttpMethod.Put, "api/editions/2020/schedule/cnc-lathe/final", new { start = now.AddHours(-1), end = now.AddHours(2), venue = "一号厅" });
        await api.AsOrganiser(HttpMethod.Put, "api/editions/2020/schedule/electrician/selection", new { start = now.AddDays(-3), end = now.AddDays(-3).AddHours(4), venue = "一号厅" });

        await using var phone = await browser.Phone();
        var page = (await phone.NewPageAsync()).Watch(output, "overview");
        await page.GotoAsync(gateway.Url("/"));
        var items = page.Locator("#programme .programme-item");
        await Expect(items).ToHaveCountAsync(3);
        await Expect(items.First).ToHaveAttributeAsync("data-timing", "live");
        await Expect(items.First).ToHaveAttributeAsync("data-occupation", "cnc-lathe");
        await Expect(items.Nth(1)).ToHaveAttributeAsync("data-occupation", "welding");
        await Expect(items.Nth(2)).ToHaveAttributeAsync("data-timing", "past");
        await Screenshots.Save(page, "schedule", docsName: "overview-schedule");
        await MeetsWcagAa(page, "overview with the schedule");

        await page.Locator("#programme-query").FillAsync("焊");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.First).ToHaveAttributeAsync("data-occupation", "welding");
        await page.Locator("#programme-query").FillAsync("一号厅");
        await Expect(items).ToHaveCountAsync(2);
        await page.Locator("#programme-today").CheckAsync();
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.First).ToHaveAttributeAsync("data-timing", "live");
        await items.First.Locator("a.watch").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("board/\\?edition=2020&occupation=cnc-lathe$"));
    }

    [Fact]
    public async Task The_stream_overlay_shows_the_leader_live_on_a_transparent_page()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        await api.IssueCodes("cnc-lathe");
        await api.MoveTo("cnc-lathe", "checkIn", "live");
        await api.MarkAll("cnc-lathe", "C007", 0.8m);

        await using var stream = await browser.FullHd();
        var page = (await stream.NewPageAsync()).Watch(output, "overlay");
        await page.GotoAsync(gateway.Url("/overlay/?edition=2020&occupation=cnc-lathe"));
        await Expect(page.Locator("#lt-occupation")).ToHaveTextAsync("数控车工");
        await Expect(page.Locator("#lower-third")).ToHaveAttributeAsync("data-contestant", "C007");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor + '|' + getComputedStyle(document.documentElement).backgroundColor");
        Assert.Equal("rgba(0, 0, 0, 0)|rgba(0, 0, 0, 0)", background);

        // A new leader reaches the lower third over the live hub.
        await api.MarkAll("cnc-lathe", "C008", 0.95m);
        await Expect(page.Locator("#lower-third")).ToHaveAttributeAsync("data-contestant", "C008");
        await Expect(page.Locator("#lt-label")).ToHaveTextAsync("领先");
        // For the picture only: a stand-in for the broadcast behind the transparent page.
        await page.EvaluateAsync("() => { document.body.style.background = 'linear-gradient(135deg, #39526b, #8a9aa9)'; document.body.style.minHeight = '100vh'; }");
        await Screenshots.Save(page, "overlay", docsName: "overlay");
    }

    [Fact]
    public void Every_string_file_has_the_same_keys_in_Chinese_and_English()
    {
        var folder = Path.Combine(Repository.Root, "src", "Gateway", "wwwroot", "js", "strings");
        var families = Directory.GetFiles(folder, "*.json").Select(f => Path.GetFileName(f).Split('.')[0]).Distinct().Order().ToList();

        Assert.Contains("stages", families);
        foreach (var family in families)
        {
            var zh = Keys(Path.Combine(folder, $"{family}.zh.json"));
            var en = Keys(Path.Combine(folder, $"{family}.en.json"));
            Assert.True(zh.SetEquals(en), $"{family}: only in zh: {string.Join(", ", zh.Except(en))}; only in en: {string.Join(", ", en.Except(zh))}");
            Assert.NotEmpty(zh);
        }
    }

    private static HashSet<string> Keys(string path) =>
        [.. JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateObject().Select(p => p.Name)];

    private async Task MeetsWcagAa(IPage page, string what)
    {
        var result = await page.RunAxe(WcagAa);
        var violations = result.Violations.SelectMany(v => v.Nodes.Select(n => $"[{v.Id}] {v.Help} at {n.Target}: {n.Html}")).ToList();
        foreach (var line in violations)
            output.WriteLine($"{what}: {line}");
        Assert.Empty(violations);
    }

    private static async Task SignIn(IPage console, GatewayServer gateway)
    {
        await console.GotoAsync(gateway.Url("/console/"));
        await console.Locator("#password").FillAsync(GatewayServer.OrganiserPassword);
        await console.Locator("#signin-submit").ClickAsync();
        await Expect(console.Locator("#console-view")).ToBeVisibleAsync();
    }
}
