using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;

namespace Craftsman.Gateway.Tests.Selection;

public sealed class OpenCallApiTests(SelectionGatewayFixture fixture) : IClassFixture<SelectionGatewayFixture>
{
    private const string Edition = GatewayClient.Edition;
    private HttpClient Anonymous => fixture.Client.Anonymous;

    private static string Call(string occupation) => $"/api/editions/{Edition}/occupations/{occupation}";

    private static object Form(string name, string idLast4 = "1234", string employer = "北京第一机床厂") =>
        new { name, employer, contact = "13800138000", idLast4, statement = "十五年数控车削经验。" };

    private async Task Open(string occupation)
    {
        var now = DateTimeOffset.UtcNow;
        var response = await fixture.Organiser.PutAsJsonAsync($"{Call(occupation)}/open-call", new { opens = now.AddDays(-1), closes = now.AddDays(30) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> Register(string occupation, object form)
    {
        var response = await Anonymous.PostAsJsonAsync($"{Call(occupation)}/registrations", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!;
    }

    private static async Task<JsonElement> Refused(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    [Fact]
    public async Task RegistrantGetsAReceiptAndThePublicSeesCountsOnly()
    {
        const string occupation = "network-security";
        await Open(occupation);

        var receipt = await Register(occupation, Form("王建国", "123X"));
        var summary = await Anonymous.GetStringAsync($"{Call(occupation)}/open-call");
        var all = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/editions/{Edition}/open-calls");

        Assert.Matches("^[2-9A-Z]{5}-[2-9A-Z]{5}$", receipt);
        var counts = JsonDocument.Parse(summary).RootElement;
        Assert.Equal(1, counts.GetProperty("received").GetInt32());
        Assert.True(counts.GetProperty("isOpen").GetBoolean());
        Assert.DoesNotContain("王建国", summary);
        Assert.DoesNotContain("13800138000", summary);
        Assert.Equal(30, all.GetArrayLength());
        Assert.DoesNotContain("王建国", all.GetRawText());
    }

    [Fact]
    public async Task PersonalDataIsForTheOfficeAlone()
    {
        const string occupation = "welding";
        await Open(occupation);
        await Register(occupation, Form("李明"));
        var judge = await fixture.Client.Judge("J014");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync($"{Call(occupation)}/registrations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"{Call(occupation)}/registrations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"{Call(occupation)}/challengers")).StatusCode);
        var entries = await fixture.Organiser.GetFromJsonAsync<JsonElement>($"{Call(occupation)}/registrations");
        var entry = entries.EnumerateArray().Single();
        Assert.Equal("李明", entry.GetProperty("form").GetProperty("name").GetString());
        Assert.Equal("13800138000", entry.GetProperty("form").GetProperty("contact").GetString());
    }

    [Fact]
    public async Task RegistrantReadsTheirStatusOnlyWithTheRightIdDigits()
    {
        const string occupation = "electrician";
        await Open(occupation);
        var receipt = await Register(occupation, Form("赵磊", "5678"));

        var wrong = await Anonymous.PostAsJsonAsync($"{Call(occupation)}/registrations/status", new { receiptNumber = receipt, idLast4 = "5679" });
        var right = await Anonymous.PostAsJsonAsync($"{Call(occupation)}/registrations/status", new { receiptNumber = receipt.ToLowerInvariant(), idLast4 = "5678" });

        var problem = await Refused(wrong, HttpStatusCode.NotFound, "ReceiptNotFound");
        Assert.DoesNotContain("赵磊", problem.GetRawText());
        var status = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", status.GetProperty("status").GetString());
        Assert.False(status.TryGetProperty("form", out _));
    }

    [Fact]
    public async Task OfficeVetsEntriesAndTheAcceptedBecomeChallengers()
    {
        const string occupation = "cnc-milling";
        await Open(occupation);
        var first = await Register(occupation, Form("孙伟", "1111"));
        var twin = await Register(occupation, Form("孙 伟", "1111"));
        var other = await Register(occupation, Form("周敏", "2222"));

        var entries = await fixture.Organiser.GetFromJsonAsync<JsonElement>($"{Call(occupation)}/registrations");
        Assert.Equal([twin], entries.EnumerateArray().Single(e => e.GetProperty("receiptNumber").GetString() == first)
            .GetProperty("duplicates").EnumerateArray().Select(d => d.GetString()));
        await Refused(await Vet(occupation, other, accept: false, reason: ""), HttpStatusCode.UnprocessableEntity, "ReasonRequired");
        Assert.Equal(HttpStatusCode.OK, (await Vet(occupation, first, accept: true)).StatusCode);
        await Refused(await Vet(occupation, twin, accept: true), HttpStatusCode.Conflict, "DuplicateOfAccepted");
        Assert.Equal(HttpStatusCode.OK, (await Vet(occupation, twin, accept: false, reason: "重复报名")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Vet(occupation, other, accept: true)).StatusCode);
        await Refused(await Vet(occupation, "NOSUCH-RECEIPT", accept: true), HttpStatusCode.NotFound, "ReceiptNotFound");

        var challengers = await fixture.Organiser.GetFromJsonAsync<JsonElement>($"{Call(occupation)}/challengers");
        Assert.Equal(["孙伟", "周敏"], challengers.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(challengers.EnumerateArray(), c => Assert.Equal("challenger", c.GetProperty("role").GetString()));
        var rejected = await (await Anonymous.PostAsJsonAsync($"{Call(occupation)}/registrations/status", new { receiptNumber = twin, idLast4 = "1111" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("重复报名", rejected.GetProperty("rejectionReason").GetString());
    }

    [Fact]
    public async Task RefusedRegistrationsCarryCodesAndStoreNothing()
    {
        const string occupation = "auto-repair";
        var before = await Anonymous.PostAsJsonAsync($"{Call(occupation)}/registrations", Form("钱七"));
        await Refused(before, HttpStatusCode.Conflict, "CallNotOpen");
        await Open(occupation);

        var badDigits = await Anonymous.PostAsJsonAsync($"{Call(occupation)}/registrations", Form("钱七", "12"));
        var notJson = await Anonymous.PostAsync($"{Call(occupation)}/registrations", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        var huge = await Anonymous.PostAsJsonAsync($"{Call(occupation)}/registrations", new { name = "钱七", employer = "厂", contact = "13800138000", idLast4 = "1234", statement = new string('字', 50_000) });
        var unknown = await Anonymous.PostAsJsonAsync($"{Call("no-such-occupation")}/registrations", Form("钱七"));
        var badWindow = await fixture.Organiser.PutAsJsonAsync($"{Call(occupation)}/open-call", new { opens = DateTimeOffset.UtcNow, closes = DateTimeOffset.UtcNow.AddDays(-1) });

        var problem = await Refused(badDigits, HttpStatusCode.UnprocessableEntity, "IdLast4Invalid");
        Assert.Equal("idLast4", problem.GetProperty("field").GetString());
        await Refused(notJson, HttpStatusCode.BadRequest, "InvalidJson");
        await Refused(huge, HttpStatusCode.UnprocessableEntity, "FieldTooLong");
        await Refused(unknown, HttpStatusCode.NotFound, "NotFound");
        await Refused(badWindow, HttpStatusCode.UnprocessableEntity, "WindowInvalid");
        var summary = await Anonymous.GetFromJsonAsync<JsonElement>($"{Call(occupation)}/open-call");
        Assert.Equal(0, summary.GetProperty("received").GetInt32());
        Assert.True(summary.GetProperty("isOpen").GetBoolean());
    }

    private Task<HttpResponseMessage> Vet(string occupation, string receipt, bool accept, string? reason = null) =>
        fixture.Organiser.PostAsJsonAsync($"{Call(occupation)}/registrations/{receipt}/vetting", new { accept, reason });
}
