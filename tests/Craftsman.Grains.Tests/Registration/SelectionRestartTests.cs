using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Registration;
using Craftsman.Contracts.Schedule;
using Craftsman.Contracts.Screens;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Registration;

/// <summary>The open call, the schedule and the screens' directions are durable: a new cluster on the same file has them all.</summary>
public sealed class SelectionRestartTests
{
    [Fact]
    public async Task RegistrationsVettingScheduleAndDirectionsSurviveAClusterRestart()
    {
        var path = TestClusterHost.NewDatabasePath();
        var edition = TestEditions.NewId();
        var now = DateTimeOffset.UtcNow;
        var slot = new ScheduleSlot("cnc-lathe", "selection", now.AddHours(1), now.AddHours(3), "一号厅");
        string receipt;

        var first = await TestClusterHost.StartAsync(path);
        try
        {
            var registry = first.Client.GetGrain<IRegistrationGrain>(GrainKeys.Registry(edition, "cnc-lathe"));
            await registry.SetWindow(new OpenCallWindow(now.AddDays(-1), now.AddDays(1)));
            receipt = (await registry.Register(new RegistrationForm("王建国", "北京第一机床厂", "13800138000", "1234", "十五年。"))).Entry!.ReceiptNumber;
            await registry.Vet(receipt, new VettingDecision(true, null));
            Assert.Null(await first.Client.GetGrain<IScheduleGrain>(edition).SetSlot(slot));
            Assert.NotNull((await first.Client.GetGrain<IScreenDirectorGrain>(edition).Direct("Hall-A", new ScreenShow(ScreenContent.Arena, "cnc-lathe"))).Direction);
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        var second = await TestClusterHost.StartAsync(path);
        try
        {
            var registry = second.Client.GetGrain<IRegistrationGrain>(GrainKeys.Registry(edition, "cnc-lathe"));
            Assert.Equal("cnc-lathe-R001", Assert.Single(await registry.GetAccepted()).Id);
            Assert.Equal(RegistrationStatus.Accepted, (await registry.GetRegistrantStatus(receipt, "1234"))?.Status);
            Assert.Equal(slot, Assert.Single(await second.Client.GetGrain<IScheduleGrain>(edition).GetSlots()));
            var screen = Assert.Single(await second.Client.GetGrain<IScreenDirectorGrain>(edition).GetScreens());
            Assert.Equal(new ScreenShow(ScreenContent.Arena, "cnc-lathe"), screen.Show);
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }
}
