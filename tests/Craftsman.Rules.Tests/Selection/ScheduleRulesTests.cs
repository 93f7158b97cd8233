using Craftsman.Contracts.Schedule;
using Craftsman.Grains.Schedule;

namespace Craftsman.Rules.Tests.Selection;

public sealed class ScheduleRulesTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Nine = new(2026, 5, 20, 9, 0, 0, Beijing);

    private static ScheduleSlot Slot(string occupation, DateTimeOffset start, double hours = 2, string stage = "final") =>
        new(occupation, stage, start, start.AddHours(hours), "Hall A");

    [Fact]
    public void ProgrammeListsLiveThenLaterTodayThenEarlierTodayThenUpcomingThenPastMostRecentFirst()
    {
        var now = Nine.AddHours(1); // 10:00 Beijing
        var slots = new[]
        {
            Slot("past-old", Nine.AddDays(-3)),
            Slot("upcoming", Nine.AddDays(1)),
            Slot("earlier", Nine.AddHours(-3)),         // 06:00–08:00 today
            Slot("later", Nine.AddHours(4)),            // 13:00 today
            Slot("live", Nine),                          // 09:00–11:00
            Slot("past-recent", Nine.AddDays(-1)),
        };

        var programme = ProgrammeOrder.Order(slots, now);

        Assert.Equal(["live", "later", "earlier", "upcoming", "past-recent", "past-old"], programme.Items.Select(i => i.Slot.OccupationCode));
        Assert.Equal([SlotTiming.Live, SlotTiming.LaterToday, SlotTiming.EarlierToday, SlotTiming.Upcoming, SlotTiming.Past, SlotTiming.Past],
            programme.Items.Select(i => i.Timing));
    }

    [Fact]
    public void TodayIsTheVenuesDayNotUtcs()
    {
        // 07:00 in Beijing is 23:00 UTC the day before: a slot at 20:00 Beijing is still today.
        var now = new DateTimeOffset(2026, 5, 19, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(SlotTiming.LaterToday, ProgrammeOrder.Timing(Slot("x", new DateTimeOffset(2026, 5, 20, 20, 0, 0, Beijing)), now));
    }

    [Fact]
    public void SlotEndingNowIsNoLongerLive()
    {
        Assert.Equal(SlotTiming.EarlierToday, ProgrammeOrder.Timing(Slot("x", Nine), Nine.AddHours(2)));
        Assert.Equal(SlotTiming.Live, ProgrammeOrder.Timing(Slot("x", Nine), Nine));
    }

    [Theory]
    [InlineData("Final Round")]
    [InlineData("")]
    [InlineData("决赛")]
    public void StageIsALinkFriendlyName(string stage)
    {
        Assert.Equal(ScheduleRefusalCode.StageInvalid, ScheduleRules.Check(Slot("x", Nine, stage: stage)).Refusal?.Code);
    }

    [Fact]
    public void StageIsStoredInLowerCase()
    {
        Assert.Equal("selection", ScheduleRules.Check(Slot("x", Nine, stage: " Selection ")).Slot.Stage);
    }

    [Fact]
    public void SlotMustEndAfterItStartsAndLastAtMostADay()
    {
        Assert.Equal(ScheduleRefusalCode.TimesInvalid, ScheduleRules.Check(Slot("x", Nine, hours: 0)).Refusal?.Code);
        Assert.Equal(ScheduleRefusalCode.TimesInvalid, ScheduleRules.Check(Slot("x", Nine, hours: 25)).Refusal?.Code);
    }

    [Fact]
    public void VenueIsRequired()
    {
        Assert.Equal(ScheduleRefusalCode.VenueRequired, ScheduleRules.Check(Slot("x", Nine) with { Venue = "  " }).Refusal?.Code);
        Assert.Equal(ScheduleRefusalCode.VenueTooLong, ScheduleRules.Check(Slot("x", Nine) with { Venue = new string('厅', 61) }).Refusal?.Code);
    }
}
