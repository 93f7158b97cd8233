using System.Collections.Immutable;

namespace Craftsman.Contracts.Schedule;

/// <summary>An edition's schedule (keyed by the edition id): one slot per occupation and stage.</summary>
[Alias("craftsman.IScheduleGrain")]
public interface IScheduleGrain : IGrainWithStringKey
{
    /// <summary>Adds the slot, or replaces the one for the same occupation and stage; refused with nothing changed.</summary>
    [Alias("SetSlot")]
    Task<ScheduleRefusal?> SetSlot(ScheduleSlot slot);

    [Alias("RemoveSlot")]
    Task<ScheduleRefusal?> RemoveSlot(string occupationCode, string stage);

    /// <summary>Every slot, in order of start.</summary>
    [Alias("GetSlots")]
    Task<ImmutableArray<ScheduleSlot>> GetSlots();

    /// <summary>The slots ordered for the public at the competition's current time.</summary>
    [Alias("GetProgramme")]
    Task<Programme> GetProgramme();
}
