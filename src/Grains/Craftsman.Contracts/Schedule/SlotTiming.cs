namespace Craftsman.Contracts.Schedule;

/// <summary>Where a slot stands against the competition's clock; the programme lists them in this order.</summary>
[GenerateSerializer, Alias("craftsman.SlotTiming")]
public enum SlotTiming
{
    Live = 0,
    LaterToday = 1,
    EarlierToday = 2,
    Upcoming = 3,
    Past = 4,
}
