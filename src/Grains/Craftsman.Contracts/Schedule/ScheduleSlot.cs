namespace Craftsman.Contracts.Schedule;

/// <summary>
/// When and where one stage of an occupation takes place (for now each occupation's round):
/// Stage names the stage ("selection", "final", "review"); the date is Start's, in Start's offset.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.ScheduleSlot")]
public sealed record ScheduleSlot(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] string Stage,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset End,
    [property: Id(4)] string Venue);
