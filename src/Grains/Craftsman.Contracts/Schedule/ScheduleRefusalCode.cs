namespace Craftsman.Contracts.Schedule;

[GenerateSerializer, Alias("craftsman.ScheduleRefusalCode")]
public enum ScheduleRefusalCode
{
    StageInvalid = 0,
    VenueRequired = 1,
    VenueTooLong = 2,

    /// <summary>A slot must end after it starts, and last no more than a day.</summary>
    TimesInvalid = 3,

    SlotNotFound = 4,

    /// <summary>The edition holds as many slots as it may.</summary>
    ScheduleFull = 5,
}
