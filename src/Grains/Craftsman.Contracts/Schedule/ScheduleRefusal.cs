namespace Craftsman.Contracts.Schedule;

[GenerateSerializer, Immutable, Alias("craftsman.ScheduleRefusal")]
public sealed record ScheduleRefusal(
    [property: Id(0)] ScheduleRefusalCode Code,
    [property: Id(1)] string Message);
