using Craftsman.Contracts.Schedule;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Schedule;

[Collection(ClusterCollection.Name)]
public sealed class ScheduleGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task SlotForTheSameOccupationAndStageIsReplacedNotAdded()
    {
        var schedule = _grains.GetGrain<IScheduleGrain>(TestEditions.NewId());
        var start = DateTimeOffset.UtcNow.AddDays(2);

        await schedule.SetSlot(new ScheduleSlot("cnc-lathe", "final", start, start.AddHours(2), "一号厅"));
        await schedule.SetSlot(new ScheduleSlot("cnc-lathe", "Final", start.AddHours(1), start.AddHours(3), "二号厅"));
        await schedule.SetSlot(new ScheduleSlot("cnc-lathe", "selection", start.AddDays(-1), start.AddDays(-1).AddHours(4), "一号厅"));

        var slots = await schedule.GetSlots();
        Assert.Equal(["selection", "final"], slots.Select(s => s.Stage));
        Assert.Equal("二号厅", slots[1].Venue);
    }

    [Fact]
    public async Task ProgrammeListsTheLiveSlotFirst()
    {
        var schedule = _grains.GetGrain<IScheduleGrain>(TestEditions.NewId());
        var now = DateTimeOffset.UtcNow;
        await schedule.SetSlot(new ScheduleSlot("later", "final", now.AddDays(3), now.AddDays(3).AddHours(1), "一号厅"));
        await schedule.SetSlot(new ScheduleSlot("live", "final", now.AddHours(-1), now.AddHours(1), "二号厅"));

        var programme = await schedule.GetProgramme();

        Assert.Equal("live", programme.Items[0].Slot.OccupationCode);
        Assert.Equal(SlotTiming.Live, programme.Items[0].Timing);
        Assert.Equal(SlotTiming.Upcoming, programme.Items[1].Timing);
    }

    [Fact]
    public async Task InvalidSlotIsRefusedAndNothingChanges()
    {
        var schedule = _grains.GetGrain<IScheduleGrain>(TestEditions.NewId());
        var start = DateTimeOffset.UtcNow;

        var refusal = await schedule.SetSlot(new ScheduleSlot("cnc-lathe", "final", start, start.AddHours(-1), "一号厅"));
        var missing = await schedule.RemoveSlot("cnc-lathe", "final");

        Assert.Equal(ScheduleRefusalCode.TimesInvalid, refusal?.Code);
        Assert.Equal(ScheduleRefusalCode.SlotNotFound, missing?.Code);
        Assert.Empty(await schedule.GetSlots());
    }
}
