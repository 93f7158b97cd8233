using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Craftsman.Fuzz.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Fuzz.Tests;

/// <summary>Each reproducer of issue 14's "Why", as a named regression test against the shared gateway.</summary>
[Collection(FuzzCollection.Name)]
public sealed class ReproducerTests(FuzzGateway gateway) : IAsyncLifetime
{
    public Task InitializeAsync() => gateway.RenewSessions();

    public Task DisposeAsync() => Task.CompletedTask;

    private string Round => $"/api/editions/{FuzzGateway.Edition}/occupations/{FuzzGateway.Occupation}";

    private static ByteArrayContent Json(string text, string type = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    [Theory]
    [InlineData("/api/auth/organiser")]
    [InlineData("/api/auth/judge")]
    public async Task ABogusCharsetIsUnsupportedMediaTypeNotAServerError(string path)
    {
        var response = await gateway.CreateClient().PostAsync(path, Json("{\"password\":\"x\"}", "application/json; charset=bogus"));
        await Problem(response, 415, "UnsupportedCharset");
    }

    [Theory]
    [InlineData("/api/editions/%20/overview")]
    [InlineData("/api/editions/%20/occupations/cnc-lathe/leaderboard")]
    public async Task AnEditionIdOfOneSpaceIsRefusedWithACode(string path)
    {
        var response = await gateway.CreateClient().GetAsync(path);
        await Problem(response, 400, "InvalidId");
    }

    [Fact]
    public async Task AnUnknownEditionIsNotFoundWithACode()
    {
        var response = await gateway.CreateClient().GetAsync("/api/editions/no-such-edition/overview");
        await Problem(response, 404, "EditionNotFound");
    }

    [Fact]
    public async Task AnOccupationWithoutANameIsRefusedAtImportAndEveryExportStillWorks()
    {
        var sample = JsonNode(await File.ReadAllTextAsync("edition-2020.json"));
        sample["edition"]!["id"] = "2099";
        sample["occupations"]![0]!["name"] = null;
        var organiser = gateway.Client(gateway.OrganiserToken);

        var response = await organiser.PostAsync("/api/editions/2099/import", Json(sample.ToJsonString()));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        Assert.NotNull(RestFuzzTests.Code(await response.Content.ReadAsStringAsync()));
        await Problem(await organiser.GetAsync("/api/editions/2099/results.csv"), 404, "EditionNotFound");
        foreach (var export in new[] { "results.csv", "results.xlsx", "workbook.xlsx", $"occupations/{FuzzGateway.Occupation}/results.csv" })
            Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync($"/api/editions/{FuzzGateway.Edition}/{export}")).StatusCode);
    }

    [Theory]
    [InlineData("1e28")]
    [InlineData("1e-30")]
    [InlineData("50.0000000000000000000000000001")]
    [InlineData("15.50001")]
    public async Task AbsurdOrOverPreciseMarksAreRefusedNeverRoundedOrOverflowed(string value)
    {
        var before = await gateway.Observable();
        var response = await gateway.Client(gateway.JudgeToken).PostAsync($"{Round}/marks",
            Json($"{{\"idempotencyKey\":\"repro-{Guid.NewGuid():N}\",\"contestantId\":\"{gateway.Contestants[0]}\",\"criterionId\":\"P3\",\"value\":{value}}}"));

        var problem = await Problem(response, 400, "InvalidNumber");
        Assert.Equal("value", problem.GetProperty("params").GetProperty("field").GetString());
        Assert.Equal(before, await gateway.Observable());
    }

    [Theory]
    [InlineData("nul\\u0000key")]
    [InlineData("rtl\\u202Ekey")]
    [InlineData("zero\\u200Bwidth")]
    public async Task IdempotencyKeysWithInvisibleCharactersNeverReachTheLedger(string key)
    {
        var before = await gateway.Observable();
        var response = await gateway.Client(gateway.JudgeToken).PostAsync($"{Round}/marks",
            Json($"{{\"idempotencyKey\":\"{key}\",\"contestantId\":\"{gateway.Contestants[0]}\",\"criterionId\":\"P3\",\"value\":10}}"));

        await Problem(response, 400, "InvalidSubmission");
        Assert.Equal(before, await gateway.Observable());
    }

    [Fact]
    public async Task AFlagCombinationOfPhasesIsRefusedAndTheRoundStaysWhereItWas()
    {
        var organiser = gateway.Client(gateway.OrganiserToken);
        // Live in the fixture, unless a fuzz case that ran first moved it on legitimately.
        var phase = (await organiser.GetFromJsonAsync<JsonElement>($"{Round}/status")).GetProperty("phase").GetString();
        var before = await gateway.Observable();

        var response = await organiser.PostAsync($"{Round}/phase", Json("{\"phase\":\"checkIn, live\"}"));

        await Problem(response, 400, "InvalidValue");
        Assert.Equal(phase, (await organiser.GetFromJsonAsync<JsonElement>($"{Round}/status")).GetProperty("phase").GetString());
        Assert.Equal(before, await gateway.Observable());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"occupation\":null,\"judgeIds\":null}")]
    [InlineData("\uFEFF{}")]
    [InlineData("{\"unknown\":1}")]
    [InlineData("{\"all\":false}")]
    public async Task IssuingCodesWithoutAnExplicitScopeIsRefusedAndNoCardIsVoided(string body)
    {
        var before = await gateway.Observable();

        var response = await gateway.Client(gateway.OrganiserToken).PostAsync($"/api/editions/{FuzzGateway.Edition}/access-codes", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(RestFuzzTests.Code(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await gateway.Observable());
    }

    [Fact]
    public async Task ABindingFailureNamesTheFieldAndCarriesACode()
    {
        var response = await gateway.Client(gateway.OrganiserToken).PostAsync($"{Round}/blind", Json("{\"blind\":\"yes\"}"));

        var problem = await Problem(response, 400, "InvalidJson");
        Assert.Equal("blind", problem.GetProperty("params").GetProperty("field").GetString());
    }

    [Fact]
    public async Task FrameworkRefusalsCarryACode()
    {
        var anonymous = gateway.CreateClient();
        await Problem(await anonymous.GetAsync($"/api/editions/{FuzzGateway.Edition}/judges"), 401, "SignInRequired");
        await Problem(await gateway.Client(gateway.JudgeToken).GetAsync($"/api/editions/{FuzzGateway.Edition}/judges"), 403, "Forbidden");
        await Problem(await anonymous.GetAsync("/api/no-such-thing"), 404, "NotFound");
        await Problem(await anonymous.PutAsync("/api/auth/organiser", Json("{}")), 405, "MethodNotAllowed");
        await Problem(await anonymous.PostAsync("/api/auth/organiser", Json("password=x", "text/plain")), 415, "UnsupportedMediaType");
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIsRefusedWith413()
    {
        var organiser = gateway.Client(gateway.OrganiserToken);
        // No Content-Length: the body streams in, as a chunked upload does.
        var content = new StreamContent(new MemoryStream(new byte[11 * 1024 * 1024]));
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/editions/2098/import-workbook") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await Problem(await organiser.SendAsync(request), 413, "PayloadTooLarge");
    }

    [Fact]
    public async Task TheRightCodeSignsInDespiteOthersFailuresAtTheSameAddress()
    {
        // A fresh code: the fuzz cases may have re-issued or revoked the one the fixture holds.
        var issued = await (await gateway.Client(gateway.OrganiserToken).PostAsJsonAsync($"/api/editions/{FuzzGateway.Edition}/access-codes",
            new { judgeIds = new[] { gateway.JudgeId } })).Content.ReadFromJsonAsync<JsonElement>();
        var code = issued[0].GetProperty("code").GetString();
        var anonymous = gateway.CreateClient();
        for (var i = 0; i < 8; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = $"MISTYPED-{i}" })).StatusCode);

        var response = await anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = code });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TwoHundredParallelAttemptsOfOneWrongCodeCheckExactlyFive()
    {
        var anonymous = gateway.CreateClient();
        var code = $"PARALLEL-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = code })));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(195, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task HubRefusalsArePascalCaseLikeRest()
    {
        var hub = gateway.Hub("/hubs/judging", gateway.JudgeToken);
        await hub.StartAsync();
        try
        {
            var outcome = await hub.InvokeAsync<JsonElement>("SubmitMark", new
            {
                occupation = FuzzGateway.Occupation, idempotencyKey = $"hub-{Guid.NewGuid():N}", contestantId = gateway.Contestants[0], criterionId = "P3", value = 15.25m,
            });
            // MarkOffStep while Live (RoundNotLive if a fuzz case moved the round on): PascalCase either way, never "markOffStep".
            Assert.Contains(outcome.GetProperty("rejection").GetProperty("code").GetString(), new[] { "MarkOffStep", "RoundNotLive" });

            var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SubmitMark", new { occupation = "network-security" }));
            Assert.Contains("HubException: WrongOccupation", error.Message);
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("[{\"occupation\":\"cnc-lathe\",\"idempotencyKey\":\"k\",\"contestantId\":\"C001\",\"criterionId\":\"P3\",\"value\":NaN}]", "InvalidJson")]
    [InlineData("[{\"occupation\":\"cnc-lathe\",\"idempotencyKey\":\"k\",\"contestantId\":\"C001\",\"criterionId\":\"P3\",\"value\":.5}]", "InvalidJson")]
    [InlineData("[{\"occupation\":\"cnc-lathe\",\"idempotencyKey\":\"k\",\"contestantId\":\"C001\",\"criterionId\":\"P3\",\"value\":\"Infinity\"}]", "InvalidNumber")]
    [InlineData("{\"not\":\"an array\"}", "InvalidJson")]
    [InlineData("[1,2,3]", "InvalidArgument")]
    public async Task AHubValueThatCannotBindIsAnsweredWithACodeOnAnOpenConnection(string arguments, string code)
    {
        await using var hub = await RawHubConnection.Open(gateway, "/hubs/judging", gateway.JudgeToken);

        var answer = await hub.Invoke("1", "SubmitMark", arguments);

        Assert.False(hub.Closed);
        Assert.Contains($"HubException: {code}", answer!.Value.GetProperty("error").GetString());
        Assert.NotNull(await hub.Invoke("2", "GetStatus", "[]"));
        Assert.False(hub.Closed);
    }

    private static System.Text.Json.Nodes.JsonNode JsonNode(string text) => System.Text.Json.Nodes.JsonNode.Parse(text)!;
}
