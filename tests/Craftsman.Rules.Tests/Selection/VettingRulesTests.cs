using System.Collections.Immutable;
using Craftsman.Contracts.Registration;
using Craftsman.Grains.Registration;

namespace Craftsman.Rules.Tests.Selection;

public sealed class VettingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static RegistrationRecord Entry(string receipt, string name = "张三", RegistrationStatus status = RegistrationStatus.Pending, string? contestantId = null) =>
        new(receipt, new RegistrationForm(name, "北京机床", "13800138000", "1234", "statement"), Now.AddDays(-1), status, null, null, contestantId);

    private static int _numbered;

    private static string Next() => $"cnc-lathe-R{++_numbered:D3}";

    [Fact]
    public void AcceptingGivesAContestantIdOnce()
    {
        var entries = ImmutableList.Create(Entry("AAAAA-11111"));

        var (accepted, _) = VettingRules.Decide(entries, "aaaaa 11111", new VettingDecision(true, null), Now, () => "cnc-lathe-R001");
        var (rejected, _) = VettingRules.Decide([accepted!], "AAAAA-11111", new VettingDecision(false, "资料不全"), Now, () => "cnc-lathe-R002");
        var (again, _) = VettingRules.Decide([rejected!], "AAAAA-11111", new VettingDecision(true, null), Now, () => "cnc-lathe-R003");

        Assert.Equal(RegistrationStatus.Accepted, accepted!.Status);
        Assert.Equal("cnc-lathe-R001", accepted.ContestantId);
        Assert.Equal(RegistrationStatus.Rejected, rejected!.Status);
        Assert.Equal("资料不全", rejected.RejectionReason);
        Assert.Equal("cnc-lathe-R001", again!.ContestantId);
        Assert.Null(again.RejectionReason);
    }

    [Fact]
    public void RejectionWithoutReasonIsRefused()
    {
        var (decided, refusal) = VettingRules.Decide([Entry("A")], "A", new VettingDecision(false, "  "), Now, Next);

        Assert.Null(decided);
        Assert.Equal(RegistrationRefusalCode.ReasonRequired, refusal?.Code);
    }

    [Fact]
    public void UnknownReceiptIsRefused()
    {
        var (_, refusal) = VettingRules.Decide([Entry("A")], "B", new VettingDecision(true, null), Now, Next);

        Assert.Equal(RegistrationRefusalCode.ReceiptNotFound, refusal?.Code);
    }

    [Fact]
    public void DuplicateOfAnAcceptedEntryCannotBeAccepted()
    {
        var entries = ImmutableList.Create(Entry("A", "张三", RegistrationStatus.Accepted, "x-R001"), Entry("B", "张 三"));

        var (decided, refusal) = VettingRules.Decide(entries, "B", new VettingDecision(true, null), Now, Next);

        Assert.Null(decided);
        Assert.Equal(RegistrationRefusalCode.DuplicateOfAccepted, refusal?.Code);
        Assert.Contains("A", refusal?.Message);
    }

    [Fact]
    public void DuplicateMayBeAcceptedOnceTheOtherIsRejected()
    {
        var entries = ImmutableList.Create(Entry("A", "张三", RegistrationStatus.Rejected), Entry("B", "张 三"));

        var (decided, refusal) = VettingRules.Decide(entries, "B", new VettingDecision(true, null), Now, Next);

        Assert.Null(refusal);
        Assert.Equal(RegistrationStatus.Accepted, decided?.Status);
    }
}
