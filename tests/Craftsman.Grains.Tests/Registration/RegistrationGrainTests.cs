using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Contracts.Registration;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Registration;

[Collection(ClusterCollection.Name)]
public sealed class RegistrationGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static RegistrationForm Form(string name, string idLast4 = "1234", string employer = "北京第一机床厂") =>
        new(name, employer, "13800138000", idLast4, "从事数控车削十五年。");

    private async Task<IRegistrationGrain> OpenRegistry()
    {
        var registry = _grains.GetGrain<IRegistrationGrain>(GrainKeys.Registry(TestEditions.NewId(), "cnc-lathe"));
        var now = DateTimeOffset.UtcNow;
        Assert.Null(await registry.SetWindow(new OpenCallWindow(now.AddDays(-1), now.AddDays(1))));
        return registry;
    }

    [Fact]
    public async Task RegistrationIsRefusedUntilTheOfficeOpensTheCall()
    {
        var registry = _grains.GetGrain<IRegistrationGrain>(GrainKeys.Registry(TestEditions.NewId(), "cnc-lathe"));

        var result = await registry.Register(Form("王建国"));

        Assert.Equal(RegistrationRefusalCode.CallNotOpen, result.Refusal?.Code);
        Assert.Equal(0, (await registry.GetSummary()).Received);
    }

    [Fact]
    public async Task RegistrationAfterTheCallClosedIsRefusedAndNothingStored()
    {
        var registry = _grains.GetGrain<IRegistrationGrain>(GrainKeys.Registry(TestEditions.NewId(), "cnc-lathe"));
        var now = DateTimeOffset.UtcNow;
        await registry.SetWindow(new OpenCallWindow(now.AddDays(-10), now.AddDays(-1)));

        var result = await registry.Register(Form("王建国"));

        Assert.Equal(RegistrationRefusalCode.CallClosed, result.Refusal?.Code);
        Assert.Empty(await registry.GetEntries());
    }

    [Fact]
    public async Task RegistrantReadsTheirStatusWithReceiptAndIdDigitsOnly()
    {
        var registry = await OpenRegistry();

        var receipt = (await registry.Register(Form("王建国", "123X"))).Entry!.ReceiptNumber;

        Assert.Equal(RegistrationStatus.Pending, (await registry.GetRegistrantStatus(receipt.ToLowerInvariant(), "123x"))?.Status);
        Assert.Null(await registry.GetRegistrantStatus(receipt, "1234"));
        Assert.Null(await registry.GetRegistrantStatus("AAAAA-AAAAA", "123X"));
    }

    [Fact]
    public async Task InvalidFormIsRefusedWithItsFieldAndNothingStored()
    {
        var registry = await OpenRegistry();

        var result = await registry.Register(Form("王建国", idLast4: "12"));

        Assert.Equal(RegistrationRefusalCode.IdLast4Invalid, result.Refusal?.Code);
        Assert.Equal("idLast4", result.Refusal?.Field);
        Assert.Empty(await registry.GetEntries());
    }

    [Fact]
    public async Task DuplicatesAreListedAndOnlyOneOfThemCanBeAccepted()
    {
        var registry = await OpenRegistry();
        var first = (await registry.Register(Form("王建国"))).Entry!;
        var second = (await registry.Register(Form("王 建国", employer: "北京第一机床厂 "))).Entry!;
        var other = (await registry.Register(Form("李明", "5678"))).Entry!;

        var entries = await registry.GetEntries();
        var accepted = await registry.Vet(first.ReceiptNumber, new VettingDecision(true, null));
        var refused = await registry.Vet(second.ReceiptNumber, new VettingDecision(true, null));

        Assert.Equal<string>([second.ReceiptNumber], entries.Single(e => e.ReceiptNumber == first.ReceiptNumber).Duplicates);
        Assert.Empty(entries.Single(e => e.ReceiptNumber == other.ReceiptNumber).Duplicates);
        Assert.Equal(RegistrationStatus.Accepted, accepted.Entry?.Status);
        Assert.Equal(RegistrationRefusalCode.DuplicateOfAccepted, refused.Refusal?.Code);
        Assert.Equal(RegistrationStatus.Pending, (await registry.GetEntries()).Single(e => e.ReceiptNumber == second.ReceiptNumber).Status);
    }

    [Fact]
    public async Task AcceptedEntrantsAreTheSelectionStagesChallengersWithStableIds()
    {
        var registry = await OpenRegistry();
        var receipts = new List<string>();
        foreach (var (name, digits) in new[] { ("王建国", "1111"), ("李明", "2222"), ("赵磊", "3333") })
            receipts.Add((await registry.Register(Form(name, digits))).Entry!.ReceiptNumber);

        await registry.Vet(receipts[0], new VettingDecision(true, null));
        await registry.Vet(receipts[1], new VettingDecision(false, "工作年限不足"));
        await registry.Vet(receipts[2], new VettingDecision(true, null));
        await registry.Vet(receipts[0], new VettingDecision(false, "重复报名"));
        await registry.Vet(receipts[0], new VettingDecision(true, null));

        var challengers = await registry.GetAccepted();
        Assert.Equal(["王建国", "赵磊"], challengers.Select(c => c.Name));
        Assert.Equal(["cnc-lathe-R001", "cnc-lathe-R002"], challengers.Select(c => c.Id));
        Assert.All(challengers, c => Assert.Equal(ContestantRole.Challenger, c.Role));
        Assert.All(challengers, c => Assert.Equal("cnc-lathe", c.Occupation));
        var rejected = await registry.GetRegistrantStatus(receipts[1], "2222");
        Assert.Equal(RegistrationStatus.Rejected, rejected?.Status);
        Assert.Equal("工作年限不足", rejected?.RejectionReason);
        var summary = await registry.GetSummary();
        Assert.Equal((3, 2, true), (summary.Received, summary.Accepted, summary.IsOpen));
    }
}
