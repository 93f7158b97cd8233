using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;
using Craftsman.Tests.Shared;
using Craftsman.Verify;

namespace Craftsman.Gateway.Tests.EndToEnd;

/// <summary>
/// An edition that is not the sample (<see cref="GeneratedEdition"/>) run end to end through the
/// public interface only: created and imported, made current, codes issued for the venue's public
/// address, judges signed in with the code alone, every round marked, signed off, published and
/// made Final; the result sheet and the ledger then checked against the round's status.
/// </summary>
public sealed class GeneratedEditionTests : IAsyncLifetime
{
    private const string PublicUrl = "http://192.168.1.10:5000";
    private readonly GatewayFactory _factory = new(GatewayFactory.NewDatabasePath(), b => b.UseSetting("Craftsman:PublicUrl", PublicUrl));
    private GatewayClient _client = null!;
    private HttpClient _organiser = null!;

    public async Task InitializeAsync()
    {
        _client = new GatewayClient(_factory);
        _organiser = await _client.Organiser();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string Edition => $"/api/editions/{GeneratedEdition.Id}";

    /// <summary>How a criterion row's state "暂定 pending" / "未评 no marks" appears in the page content (the legend spells them otherwise).</summary>
    private const string PendingRow = "( pending) Tj";
    private const string UnmarkedRow = "( no marks) Tj";

    [Fact]
    public async Task AGeneratedEditionRunsFromImportToFinalWithAnOfficialSheetAndAWholeLedger()
    {
        await CreateImportAndMakeCurrent();

        foreach (var occupation in GeneratedEdition.Occupations)
        {
            var judges = await SignInPanel(occupation);
            await Phase(occupation, "checkIn");
            foreach (var contestant in occupation.Contestants)
                await Ok(_organiser.PostAsJsonAsync($"{Edition}/occupations/{occupation.Code}/check-in", new { contestantId = contestant }));
            await Phase(occupation, "live");
            // The same search finds the pending rows of a provisional sheet.
            var provisional = PdfContent.Text(await _organiser.GetByteArrayAsync($"{Edition}/occupations/{occupation.Code}/result-sheet.pdf"));
            Assert.Contains("PROVISIONAL", provisional);
            Assert.Contains(PendingRow, provisional);
            await MarkEverything(occupation, judges);
            await Phase(occupation, "review");
            await Ok(judges[occupation.Chief].PostAsync($"{Edition}/occupations/{occupation.Code}/sign-off", null));
            await Phase(occupation, "published");
            await Phase(occupation, "final");

            var status = await _organiser.GetFromJsonAsync<JsonElement>($"{Edition}/occupations/{occupation.Code}/status");
            Assert.Equal("final", status.GetProperty("phase").GetString());
            var head = status.GetProperty("ledgerHead").GetString()!;

            // The sheet says OFFICIAL with no pending or problem row, and prints the status's head.
            var sheet = PdfContent.Text(await _organiser.GetByteArrayAsync($"{Edition}/occupations/{occupation.Code}/result-sheet.pdf"));
            Assert.Contains("OFFICIAL", sheet);
            Assert.DoesNotContain(PendingRow, sheet);
            Assert.DoesNotContain(UnmarkedRow, sheet);
            Assert.Contains(head, sheet);

            // The whole ledger verifies against that head; the same ledger cut short does not.
            var ledger = (await _organiser.GetStringAsync($"{Edition}/occupations/{occupation.Code}/ledger"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var (whole, report) = LedgerVerifier.Verify(ledger, head);
            Assert.True(whole, report);
            var (cut, cutReport) = LedgerVerifier.Verify(ledger.Take(ledger.Length * 2 / 3), head);
            Assert.False(cut, cutReport);
            Assert.Contains("not at the expected head", cutReport);

            var board = await _client.Anonymous.GetFromJsonAsync<JsonElement>($"{Edition}/occupations/{occupation.Code}/leaderboard");
            Assert.Equal(occupation.Contestants.Count, board.GetProperty("standings").GetArrayLength());
            Assert.All(board.GetProperty("standings").EnumerateArray(), s => Assert.Equal("official", s.GetProperty("status").GetString()));
            // Marks fall with the contestant's index, so the seed listed first tops the board.
            Assert.Equal(occupation.Contestants[0], board.GetProperty("standings")[0].GetProperty("contestantId").GetString());
        }
    }

    [Fact]
    public async Task TheQrLinkCarriesThePublicAddressAndTheCodeAloneSignsIn()
    {
        await CreateImportAndMakeCurrent();

        var issued = await _organiser.PostAsJsonAsync($"{Edition}/access-codes", new { occupation = GeneratedEdition.LiftRepair.Code });
        issued.EnsureSuccessStatusCode();
        var card = (await issued.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().First(c => c.GetProperty("judgeId").GetString() == GeneratedEdition.LiftRepair.Judges[0]);
        var link = new Uri(card.GetProperty("signInUrl").GetString()!);
        Assert.Equal(new Uri(PublicUrl).Authority, link.Authority);
        Assert.Equal("/judge/", link.AbsolutePath);
        var code = Uri.UnescapeDataString(link.Fragment.TrimStart('#').Split('=', 2)[1]);
        Assert.Equal(card.GetProperty("code").GetString(), code);
        Assert.Contains("<svg", card.GetProperty("qrSvg").GetString());

        var signedIn = await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = code.ToLowerInvariant().Replace("-", " ") });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var session = await signedIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(GeneratedEdition.Id, session.GetProperty("editionId").GetString());
        Assert.Equal(GeneratedEdition.LiftRepair.Code, session.GetProperty("occupation").GetString());

        // Re-issued, the old code signs no one in; the new one does.
        var again = await _organiser.PostAsJsonAsync($"{Edition}/access-codes", new { judgeIds = new[] { GeneratedEdition.LiftRepair.Judges[0] } });
        var fresh = (await again.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = fresh })).StatusCode);
    }

    /// <summary>
    /// One contestant is recorded absent at check-in (and the round cannot go live before that);
    /// a criterion with only 2 of 3 marks blocks sign-off until the chief reopens it for the third
    /// judge and that judge marks; the absent contestant is listed last, unranked.
    /// </summary>
    [Fact]
    public async Task AnAbsentContestantAndAnIncompleteCriterionAreHandledBeforeSignOff()
    {
        await CreateImportAndMakeCurrent();
        var occupation = GeneratedEdition.LiftRepair;
        var judges = await SignInPanel(occupation);
        var absent = occupation.Contestants[^1];
        var path = $"{Edition}/occupations/{occupation.Code}";

        await Phase(occupation, "checkIn");
        foreach (var contestant in occupation.Contestants.SkipLast(1))
            await Ok(_organiser.PostAsJsonAsync($"{path}/check-in", new { contestantId = contestant }));
        var early = await _organiser.PostAsJsonAsync($"{path}/phase", new { phase = "live" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("CheckInIncomplete", await early.Content.ReadAsStringAsync());
        await Ok(_organiser.PostAsJsonAsync($"{path}/contestants/{absent}/absence", new { kind = "absent", reason = "did not report at check-in" }));
        await Phase(occupation, "live");

        // Every present contestant fully marked, except one judgement criterion left at 2 of 3 marks.
        var present = occupation.Contestants.SkipLast(1).ToList();
        var held = (Contestant: present[0], Criterion: occupation.Criteria.First(c => c.Kind == "judgement"), Judge: occupation.Judges[^1]);
        await MarkEverything(occupation, judges, present, skip: held);
        await Phase(occupation, "review");
        var refused = await judges[occupation.Chief].PostAsync($"{path}/sign-off", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("MarkingIncomplete", await refused.Content.ReadAsStringAsync());

        // The chief reopens the criterion for the judge who has not marked it; that judge marks; sign-off passes.
        await Ok(judges[occupation.Chief].PostAsJsonAsync($"{path}/reopen", new { contestantId = held.Contestant, criterionId = held.Criterion.Id, judgeIds = new[] { held.Judge } }));
        await Ok(judges[held.Judge].PostAsJsonAsync($"{path}/marks", new
        {
            idempotencyKey = $"held-{held.Contestant}", contestantId = held.Contestant, criterionId = held.Criterion.Id,
            value = GeneratedEdition.Mark(held.Criterion, 0, occupation.Judges.Count - 1),
        }));
        await Ok(judges[occupation.Chief].PostAsync($"{path}/sign-off", null));
        var board = await _client.Anonymous.GetFromJsonAsync<JsonElement>($"{path}/leaderboard");
        var last = board.GetProperty("standings")[occupation.Contestants.Count - 1];
        Assert.Equal(absent, last.GetProperty("contestantId").GetString());
        Assert.Equal(0, last.GetProperty("rank").GetInt32());
        Assert.Equal("absent", last.GetProperty("absence").GetString());
    }

    private async Task CreateImportAndMakeCurrent()
    {
        var created = await _organiser.PostAsJsonAsync("/api/editions", new
        {
            id = GeneratedEdition.Id,
            title = new { zh = "北京大工匠秋季赛（生成）", en = "Beijing Grand Craftsman autumn round (generated)" },
            year = 2031,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _organiser.PostAsJsonAsync("/api/editions", new { id = GeneratedEdition.Id, title = new { zh = "x", en = "x" }, year = 2031 })).StatusCode);

        await Ok(_organiser.PostAsJsonAsync($"{Edition}/import", GeneratedEdition.Document()));
        await Ok(_organiser.PostAsync($"{Edition}/current", null));
        var editions = await _client.Anonymous.GetFromJsonAsync<JsonElement>("/api/editions");
        Assert.Equal(GeneratedEdition.Id, editions.GetProperty("current").GetString());
        var listed = editions.GetProperty("editions").EnumerateArray().Single(e => e.GetProperty("id").GetString() == GeneratedEdition.Id);
        Assert.True(listed.GetProperty("imported").GetBoolean());
        Assert.Equal("Asia/Shanghai", (await _client.Anonymous.GetFromJsonAsync<JsonElement>(Edition)).GetProperty("timeZone").GetString());
    }

    /// <summary>Issues the panel's codes and signs each holder in with the code alone: holder id → their client.</summary>
    private async Task<Dictionary<string, HttpClient>> SignInPanel(GeneratedEdition.OccupationPlan occupation)
    {
        var issued = await _organiser.PostAsJsonAsync($"{Edition}/access-codes", new { occupation = occupation.Code });
        issued.EnsureSuccessStatusCode();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var card in (await issued.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray())
        {
            Assert.StartsWith($"{PublicUrl}/judge/#code=", card.GetProperty("signInUrl").GetString());
            var response = await _client.Anonymous.PostAsJsonAsync("/api/auth/judge", new { accessCode = card.GetProperty("code").GetString() });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var session = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(GeneratedEdition.Id, session.GetProperty("editionId").GetString());
            var http = _factory.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("token").GetString());
            clients[card.GetProperty("judgeId").GetString()!] = http;
        }
        Assert.Equal(occupation.Judges.Count + 1, clients.Count);
        return clients;
    }

    /// <summary>Every judge marks every judgement criterion; the first two judges enter and confirm each measurement.</summary>
    private static async Task MarkEverything(GeneratedEdition.OccupationPlan occupation, Dictionary<string, HttpClient> judges,
        IReadOnlyList<string>? contestants = null, (string Contestant, GeneratedEdition.CriterionPlan Criterion, string Judge)? skip = null)
    {
        var path = $"{Edition}/occupations/{occupation.Code}/marks";
        foreach (var contestant in contestants ?? occupation.Contestants)
        {
            var index = occupation.Contestants.ToList().IndexOf(contestant);
            foreach (var criterion in occupation.Criteria)
            {
                var markers = criterion.Kind == "measurement" ? occupation.Judges.Take(2) : occupation.Judges;
                foreach (var (judge, j) in markers.Select((judge, j) => (judge, j)))
                {
                    if (skip is { } s && s.Contestant == contestant && s.Criterion == criterion && s.Judge == judge)
                        continue;
                    await Ok(judges[judge].PostAsJsonAsync(path, new
                    {
                        idempotencyKey = $"{judge}-{contestant}-{criterion.Id}",
                        contestantId = contestant,
                        criterionId = criterion.Id,
                        value = GeneratedEdition.Mark(criterion, index, j),
                    }));
                }
            }
        }
    }

    private Task Phase(GeneratedEdition.OccupationPlan occupation, string phase) =>
        Ok(_organiser.PostAsJsonAsync($"{Edition}/occupations/{occupation.Code}/phase", new { phase }));

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
