using System.Collections.Immutable;
using Craftsman.Contracts.Schedule;

namespace Craftsman.Grains.Schedule;

/// <summary>
/// The public's order of the schedule: what is live now, then what is still to come today, then
/// what was on earlier today, then later days, then days gone (most recent first). "Today" is the
/// slot's own date in its own offset (the venue's local day), not the server's.
/// </summary>
public static class ProgrammeOrder
{
    public static SlotTiming Timing(ScheduleSlot slot, DateTimeOffset now)
    {
        if (slot.Start <= now && now < slot.End)
            return SlotTiming.Live;
        var today = now.ToOffset(slot.Start.Offset).Date == slot.Start.Date;
        return (today, slot.Start > now) switch
        {
            (true, true) => SlotTiming.LaterToday,
            (true, false) => SlotTiming.EarlierToday,
            (false, true) => SlotTiming.Upcoming,
            _ => SlotTiming.Past,
        };
    }

    public static Programme Order(IEnumerable<ScheduleSlot> slots, DateTimeOffset now)
    {
        var items = slots.Select(s => new ProgrammeItem(s, Timing(s, now)))
            .OrderBy(i => i.Timing)
            .ThenBy(i => i.Timing == SlotTiming.Past ? -i.Slot.Start.UtcTicks : i.Slot.Start.UtcTicks)
            .ThenBy(i => i.Slot.OccupationCode, StringComparer.Ordinal)
            .ThenBy(i => i.Slot.Stage, StringComparer.Ordinal);
        return new Programme(now, [.. items]);
    }
}
