using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Gateway.Tests.Selection;

public sealed class ScheduleAndScreenApiTests(SelectionGatewayFixture fixture) : IClassFixture<SelectionGatewayFixture>, IAsyncLifetime
{
    private const string Edition = GatewayClient.Edition;
    private readonly List<HubConnection> _hubs = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var hub in _hubs)
            await hub.DisposeAsync();
    }

    [Fact]
    public async Task OrganiserSchedulesAStageAndAnyoneReadsTheProgrammeLiveFirst()
    {
        var now = DateTimeOffset.UtcNow;
        var later = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/schedule/welding/final",
            new { start = now.AddDays(2), end = now.AddDays(2).AddHours(3), venue = "二号厅" });
        var live = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/schedule/cnc-lathe/selection",
            new { start = now.AddHours(-1), end = now.AddHours(2), venue = "一号厅" });

        var programme = await fixture.Client.Anonymous.GetFromJsonAsync<JsonElement>($"/api/editions/{Edition}/schedule");

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var first = programme.GetProperty("items")[0];
        Assert.Equal("live", first.GetProperty("timing").GetString());
        Assert.Equal("cnc-lathe", first.GetProperty("slot").GetProperty("occupationCode").GetString());
        Assert.Equal("一号厅", first.GetProperty("slot").GetProperty("venue").GetString());
    }

    [Fact]
    public async Task ScheduleRefusalsCarryCodesAndChangeNothing()
    {
        var now = DateTimeOffset.UtcNow;
        var slot = new { start = now, end = now.AddHours(1), venue = "一号厅" };

        var anonymous = await fixture.Client.Anonymous.PutAsJsonAsync($"/api/editions/{Edition}/schedule/landscaping/final", slot);
        var backwards = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/schedule/landscaping/final", new { start = now, end = now.AddHours(-1), venue = "一号厅" });
        var badStage = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/schedule/landscaping/Final%20Round", slot);
        var unknown = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/schedule/no-such/final", slot);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("TimesInvalid", await Code(backwards));
        Assert.Equal("StageInvalid", await Code(badStage));
        Assert.Equal("NotFound", await Code(unknown));
        var programme = await fixture.Client.Anonymous.GetFromJsonAsync<JsonElement>($"/api/editions/{Edition}/schedule");
        Assert.DoesNotContain(programme.GetProperty("items").EnumerateArray(), i => i.GetProperty("slot").GetProperty("occupationCode").GetString() == "landscaping");
    }

    [Fact]
    public async Task DirectedScreenIsToldAtOnceAndNoOtherScreenIs()
    {
        var (hallA, inboxA, firstA) = await Screen("Hall-A");
        var (_, inboxB, _) = await Screen("Hall-B");

        var directed = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/screens/hall-a", new { content = "arena", occupationCode = "cnc-lathe" });
        var toA = await inboxA.WaitFor(d => d.GetProperty("show").GetProperty("content").GetString() == "arena");
        await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/screens/Hall-B", new { content = "overview" });
        var toB = await inboxB.WaitFor(_ => true);

        Assert.Equal(HttpStatusCode.OK, directed.StatusCode);
        Assert.Equal("welcome", firstA.GetProperty("show").GetProperty("content").GetString());
        Assert.Equal("cnc-lathe", toA.GetProperty("show").GetProperty("occupationCode").GetString());
        Assert.True(toA.GetProperty("version").GetInt64() > firstA.GetProperty("version").GetInt64());
        // Hall-B's first message is its own direction: it never heard Hall-A's.
        Assert.Equal("overview", toB.GetProperty("show").GetProperty("content").GetString());
        var screens = await fixture.Organiser.GetFromJsonAsync<JsonElement>($"/api/editions/{Edition}/screens");
        Assert.Contains(screens.EnumerateArray(), s => s.GetProperty("screenName").GetString() == "Hall-A" && s.GetProperty("show").GetProperty("content").GetString() == "arena");
        GC.KeepAlive(hallA);
    }

    [Fact]
    public async Task ScreenRefusalsCarryCodes()
    {
        var anonymous = await fixture.Client.Anonymous.PutAsJsonAsync($"/api/editions/{Edition}/screens/Hall-C", new { content = "overview" });
        var noOccupation = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/screens/Hall-C", new { content = "board" });
        var unknown = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/screens/Hall-C", new { content = "board", occupationCode = "no-such" });
        var badContent = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/screens/Hall-C", new { content = "fireworks" });
        var badName = await fixture.Organiser.PutAsJsonAsync($"/api/editions/{Edition}/screens/Hall%20C", new { content = "overview" });
        var hub = fixture.Client.Hub("/hubs/live");
        _hubs.Add(hub);
        await hub.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("FollowScreen", Edition, "Hall C"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("OccupationRequired", await Code(noOccupation));
        Assert.Equal("NotFound", await Code(unknown));
        Assert.Equal("InvalidValue", await Code(badContent));
        Assert.Equal("ScreenNameInvalid", await Code(badName));
        Assert.Contains("ScreenNameInvalid", refused.Message);
        var screens = await fixture.Organiser.GetFromJsonAsync<JsonElement>($"/api/editions/{Edition}/screens");
        Assert.DoesNotContain(screens.EnumerateArray(), s => s.GetProperty("screenName").GetString() == "Hall-C");
    }

    private async Task<(HubConnection Hub, Inbox Inbox, JsonElement First)> Screen(string name)
    {
        var hub = fixture.Client.Hub("/hubs/live");
        _hubs.Add(hub);
        var inbox = new Inbox(hub, "ScreenDirected");
        await hub.StartAsync();
        var first = await hub.InvokeAsync<JsonElement>("FollowScreen", Edition, name);
        return (hub, inbox, first);
    }

    private static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
