using System.Text.RegularExpressions;
using Craftsman.Contracts.Schedule;
using Craftsman.Grains.Registration;

namespace Craftsman.Grains.Schedule;

/// <summary>What a slot must be: a stage name the pages can carry in a link, a venue, and a start before its end within a day.</summary>
public static partial class ScheduleRules
{
    public const int VenueMax = 60;
    public const int MaxSlots = 500;
    public static readonly TimeSpan LongestSlot = TimeSpan.FromDays(1);

    public static (ScheduleSlot Slot, ScheduleRefusal? Refusal) Check(ScheduleSlot slot)
    {
        var cleaned = slot with { Stage = FieldText.Clean(slot.Stage).ToLowerInvariant(), Venue = FieldText.Clean(slot.Venue) };
        return (cleaned,
            !StagePattern().IsMatch(cleaned.Stage) ? new(ScheduleRefusalCode.StageInvalid, $"A stage is named in lower-case letters, digits and hyphens, e.g. 'selection', 'final' or 'review'; '{slot.Stage}' is not.")
            : cleaned.Venue.Length == 0 ? new(ScheduleRefusalCode.VenueRequired, "The field 'venue' is required.")
            : cleaned.Venue.Length > VenueMax ? new(ScheduleRefusalCode.VenueTooLong, $"A venue holds at most {VenueMax} characters; it has {cleaned.Venue.Length}.")
            : FieldText.HasForbiddenCharacters(cleaned.Venue) ? new(ScheduleRefusalCode.VenueRequired, "The venue holds characters that cannot be shown.")
            : cleaned.End <= cleaned.Start ? new(ScheduleRefusalCode.TimesInvalid, $"A slot must end after it starts (start {slot.Start:u}, end {slot.End:u}).")
            : cleaned.End - cleaned.Start > LongestSlot ? new(ScheduleRefusalCode.TimesInvalid, "A slot lasts at most a day; give each day its own stage.")
            : null);
    }

    public static bool SameSlot(ScheduleSlot a, ScheduleSlot b) => a.OccupationCode == b.OccupationCode && a.Stage == b.Stage;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex StagePattern();
}
