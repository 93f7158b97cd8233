using System.Text.Json;
using Craftsman.Browser.Tests.Support;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class OfflineQueueTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Occupation = "cnc-lathe";
    private const string NegotiateRoute = "**/hubs/judging/negotiate**";

    [Fact]
    public async Task Tablet_reloads_without_a_network_and_shows_its_queue_and_takes_full_width_digits()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var codes = await api.IssueCodes(Occupation);
        await api.MoveTo(Occupation, "checkIn", "live");

        await using var context = await browser.Tablet();
        var tablet = (await context.NewPageAsync()).Watch(output, "tablet");
        await tablet.GotoAsync(gateway.Url($"/judge/#code={codes["J014"]}"));
        await Expect(tablet.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        // The service worker has kept the page's files once it controls the page.
        await tablet.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await tablet.Locator("[data-contestant='C008']").ClickAsync();

        // No network at all, and the page is reloaded: it comes from the device and shows the queue.
        await context.SetOfflineAsync(true);
        await Expect(tablet.Locator(".conn")).ToHaveAttributeAsync("data-state", "offline");
        // A Chinese input method types full-width digits and points: ２５ and １５．５ are 25 and 15.5.
        await Enter(tablet, "P3", "１５．５");
        await Enter(tablet, "P4", "８");
        await Expect(Chip(tablet, "P3")).ToHaveAttributeAsync("data-state", "pending");
        await tablet.ReloadAsync();
        await Expect(tablet.Locator("#offline-note")).ToBeVisibleAsync();
        await Expect(tablet.Locator("#queue")).ToHaveAttributeAsync("data-count", "2");
        await Expect(Chip(tablet, "P3")).ToHaveAttributeAsync("data-state", "pending");
        await Expect(Chip(tablet, "P3")).ToContainTextAsync("15.5");
        var queued = await Outbox(tablet);
        Assert.Equal(["15.5", "8"], queued.OrderBy(e => e.CriterionId).Select(e => e.Value));

        // Back online: both go, as ASCII decimals.
        await context.SetOfflineAsync(false);
        await Expect(tablet.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
        await Expect(Chip(tablet, "P3")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(Chip(tablet, "P4")).ToHaveAttributeAsync("data-state", "saved");
        var sheet = await api.Scoresheet("C008");
        Assert.Equal(15.5m, sheet.GetProperty("marks").EnumerateArray().Single(m => m.GetProperty("criterionId").GetString() == "P3").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Marks_entered_offline_survive_a_reload_and_are_applied_exactly_once()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var codes = await api.IssueCodes(Occupation);
        await api.MoveTo(Occupation, "checkIn", "live");

        await using var context = await browser.Tablet();
        var tablet = (await context.NewPageAsync()).Watch(output, "tablet");
        await tablet.GotoAsync(gateway.Url($"/judge/#code={codes["J014"]}"));
        await Expect(tablet.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        await tablet.Locator("[data-contestant='C008']").ClickAsync();

        // The network goes: the tablet says so and keeps marks on the device.
        await context.SetOfflineAsync(true);
        await Expect(tablet.Locator(".conn")).ToHaveAttributeAsync("data-state", "offline");
        await Enter(tablet, "P3", "15.5");
        await Enter(tablet, "P4", "8");
        await Expect(Chip(tablet, "P3")).ToHaveAttributeAsync("data-state", "pending");
        await Expect(Chip(tablet, "P4")).ToHaveAttributeAsync("data-state", "pending");
        await Expect(tablet.Locator("#queue")).ToHaveAttributeAsync("data-count", "2");
        var queued = await Outbox(tablet);
        Assert.Equal(2, queued.Count);
        Assert.All(queued, e => Assert.Equal("queued", e.State));
        Assert.All(queued, e => Assert.True(Guid.TryParse(e.Key, out _), $"idempotency key {e.Key} is a UUID"));

        // Say the first mark did reach the server but its answer never came back: the server holds
        // it under its key already. The tablet does not know and will resend it.
        var p3 = queued.Single(e => e.CriterionId == "P3");
        await api.SubmitMark(Occupation, "J014", "C008", "P3", 15.5m, p3.Key);

        // The gateway is still out of reach while the page is reloaded: the queue is still there.
        await tablet.RouteAsync(NegotiateRoute, route => route.AbortAsync());
        await context.SetOfflineAsync(false);
        await tablet.ReloadAsync();
        await Expect(tablet.Locator("#offline-note")).ToBeVisibleAsync();
        await Expect(Chip(tablet, "P3")).ToHaveAttributeAsync("data-state", "pending");
        await Expect(Chip(tablet, "P4")).ToHaveAttributeAsync("data-state", "pending");
        await Expect(tablet.Locator("#queue")).ToHaveAttributeAsync("data-count", "2");
        await Screenshots.Save(tablet, "queued-after-reload", docsName: "judge-offline-queue");
        Assert.Equal(queued.Select(e => e.Key).Order(), (await Outbox(tablet)).Select(e => e.Key).Order());

        // Back in reach: the tablet reconnects by itself and resends both with their original keys.
        await tablet.UnrouteAsync(NegotiateRoute);
        await Expect(tablet.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
        await Expect(Chip(tablet, "P3")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(Chip(tablet, "P4")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(tablet.Locator("#queue")).ToBeHiddenAsync();

        // Exactly once: one mark per criterion, under the tablet's keys, and no correction.
        var sheet = await api.Scoresheet("C008");
        var mine = sheet.GetProperty("marks").EnumerateArray().Where(m => m.GetProperty("judgeId").GetString() == "J014").ToList();
        Assert.Equal(2, mine.Count);
        Assert.Equal(15.5m, mine.Single(m => m.GetProperty("criterionId").GetString() == "P3").GetProperty("value").GetDecimal());
        Assert.Equal(8m, mine.Single(m => m.GetProperty("criterionId").GetString() == "P4").GetProperty("value").GetDecimal());
        Assert.Equal(queued.Select(e => e.Key).Order(), mine.Select(m => m.GetProperty("idempotencyKey").GetString()!).Order());
        Assert.Empty(sheet.GetProperty("corrections").EnumerateArray());
        var p3Aggregate = sheet.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterionId").GetString() == "P3");
        Assert.Equal(1, p3Aggregate.GetProperty("markCount").GetInt32());

        // The chief judge's view of the panel shows the same single marks.
        await using var chiefContext = await browser.Tablet();
        var chief = (await chiefContext.NewPageAsync()).Watch(output, "chief");
        await chief.GotoAsync(gateway.Url($"/judge/#code={codes["J013"]}"));
        var row = chief.Locator("section.sheet[data-contestant='C008'] tr[data-criterion='P3']");
        await Expect(row.Locator("td[data-judge='J014']")).ToHaveTextAsync("15.5");
        await Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task A_mark_the_cluster_could_not_take_is_retried_with_the_same_key()
    {
        await using var gateway = GatewayServer.Start();
        using var api = new GatewayApi(gateway);
        var codes = await api.IssueCodes(Occupation);
        await api.MoveTo(Occupation, "checkIn", "live");

        await using var context = await browser.Tablet();
        var tablet = (await context.NewPageAsync()).Watch(output, "tablet");
        // Between the page and the hub: the first SubmitMark is answered the way the hub answers while
        // the cluster is unreachable; everything else passes through untouched.
        var attempts = new List<string>();
        await tablet.RouteWebSocketAsync("**/hubs/judging**", page =>
        {
            var server = page.ConnectToServer();
            page.OnMessage(frame =>
            {
                var forward = new List<string>();
                foreach (var message in (frame.Text ?? "").Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
                {
                    using var json = JsonDocument.Parse(message);
                    var root = json.RootElement;
                    if (root.TryGetProperty("target", out var target) && target.GetString() == "SubmitMark")
                    {
                        attempts.Add(root.GetProperty("arguments")[0].GetProperty("idempotencyKey").GetString()!);
                        if (attempts.Count == 1)
                        {
                            var id = root.GetProperty("invocationId").GetString();
                            page.Send(JsonSerializer.Serialize(new
                            {
                                type = 3,
                                invocationId = id,
                                error = "An unexpected error occurred invoking 'SubmitMark' on the server. HubException: ClusterUnavailable (retryable): the cluster did not answer in time.",
                            }) + "\u001e");
                            continue;
                        }
                    }
                    forward.Add(message + "\u001e");
                }
                if (forward.Count > 0)
                    server.Send(string.Concat(forward));
            });
        });

        await tablet.GotoAsync(gateway.Url($"/judge/#code={codes["J014"]}"));
        await Expect(tablet.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
        await tablet.Locator("[data-contestant='C007']").ClickAsync();
        await Enter(tablet, "E1", "33.5");
        await Expect(Chip(tablet, "E1")).ToHaveAttributeAsync("data-state", "saved");

        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0], attempts[1]);
        var sheet = await api.Scoresheet("C007");
        var mark = Assert.Single(sheet.GetProperty("marks").EnumerateArray());
        Assert.Equal(attempts[0], mark.GetProperty("idempotencyKey").GetString());
        Assert.Equal(33.5m, mark.GetProperty("value").GetDecimal());
    }

    private static async Task Enter(IPage page, string criterionId, string value)
    {
        var form = page.Locator($"form[data-criterion='{criterionId}']");
        await form.Locator("input").FillAsync(value);
        await form.Locator(".submit-mark").ClickAsync();
    }

    private static ILocator Chip(IPage page, string criterionId) =>
        page.Locator($"form[data-criterion='{criterionId}'] .chip");

    private sealed record OutboxEntry(string Key, string CriterionId, string State, string Value);

    private static async Task<List<OutboxEntry>> Outbox(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => localStorage.getItem('craftsman.outbox.2020.J014') ?? '[]'");
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("state").GetString() is "queued" or "sending")
            .Select(e => new OutboxEntry(e.GetProperty("key").GetString()!, e.GetProperty("criterionId").GetString()!, e.GetProperty("state").GetString()!, e.GetProperty("value").ToString()))];
    }
}
