namespace Craftsman.Contracts.Schedule;

[GenerateSerializer, Immutable, Alias("craftsman.ProgrammeItem")]
public sealed record ProgrammeItem(
    [property: Id(0)] ScheduleSlot Slot,
    [property: Id(1)] SlotTiming Timing);
