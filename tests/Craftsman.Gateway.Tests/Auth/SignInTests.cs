using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;

namespace Craftsman.Gateway.Tests.Auth;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new();
    private GatewayClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new GatewayClient(_factory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task IssuedCodeSignsTheJudgeInWithTheirOccupationAndRole()
    {
        var codes = await _client.IssueCodes();

        var response = await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = codes["J013"].ToLowerInvariant().Replace("-", " ") });

        response.EnsureSuccessStatusCode();
        var signedIn = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("chief", "cnc-lathe", "J013"), (signedIn.GetProperty("role").GetString(), signedIn.GetProperty("occupation").GetString(), signedIn.GetProperty("judgeId").GetString()));
    }

    [Fact]
    public async Task CodeTypedInFullWidthCharactersSignsIn()
    {
        var codes = await _client.IssueCodes();
        // A Chinese input method in full-width mode: ＡＢ２３－… for AB23-….
        var fullWidth = new string([.. codes["J014"].Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '\uFF01') : c)]);

        var response = await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = fullWidth });

        response.EnsureSuccessStatusCode();
        Assert.Equal("J014", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("judgeId").GetString());
    }

    [Fact]
    public async Task IssuedCodesComeWithAPrintableQrCode()
    {
        var organiser = await _client.Organiser();
        var response = await organiser.PostAsJsonAsync("/api/editions/2020/access-codes", new { judgeIds = new[] { "J014" } });
        var issued = (await response.Content.ReadFromJsonAsync<JsonElement>())[0];

        Assert.Contains("<svg", issued.GetProperty("qrSvg").GetString());
        Assert.Contains(Uri.EscapeDataString(issued.GetProperty("code").GetString()!), issued.GetProperty("signInUrl").GetString());
    }

    [Fact]
    public async Task RevokedCodeNoLongerSignsIn()
    {
        var codes = await _client.IssueCodes();
        var organiser = await _client.Organiser();

        (await organiser.DeleteAsync("/api/editions/2020/access-codes/J015")).EnsureSuccessStatusCode();

        var response = await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = codes["J015"] });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ReissuingACodeReplacesTheOldOne()
    {
        var first = await _client.IssueCodes();
        await _client.IssueCodes();

        var response = await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = first["J016"] });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RepeatedFailuresOfOneCodeAreThrottledButTheRightCodeStillSignsIn()
    {
        var codes = await _client.IssueCodes();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = "WRONG-CODE" })).StatusCode);

        var again = await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = "WRONG-CODE" });
        var right = await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = codes["J014"] });

        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal("SignInThrottled", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task WrongOrganiserPasswordIsRefused()
    {
        var response = await _client.Anonymous.PostAsJsonAsync("/api/auth/organiser", new { password = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OrganiserApiRefusesJudgesAndAnonymousCallers()
    {
        var judge = await _client.Judge("J014");
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync("/api/editions/2020/judges")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.Anonymous.GetAsync("/api/editions/2020/access-codes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.Anonymous.GetAsync("/api/editions/2020/contestants/C007/scoresheet")).StatusCode);
    }

    [Fact]
    public async Task AJudgeReadsTheLiveBoardOfTheirOwnOccupationOnly()
    {
        var judge = await _client.Judge("J014");
        Assert.Equal(HttpStatusCode.OK, (await judge.GetAsync($"/api/editions/2020/occupations/{GatewayClient.Occupation}/live-board")).StatusCode);
        var other = await judge.GetAsync($"/api/editions/2020/occupations/{GatewayClient.OtherOccupation}/live-board");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("WrongOccupation", await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"/api/editions/2020/occupations/{GatewayClient.Occupation}/status")).StatusCode);
    }
}
