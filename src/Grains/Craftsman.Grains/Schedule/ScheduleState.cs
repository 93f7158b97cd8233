using System.Collections.Immutable;
using Craftsman.Contracts.Schedule;

namespace Craftsman.Grains.Schedule;

[GenerateSerializer, Immutable, Alias("craftsman.ScheduleState")]
public sealed record ScheduleState
{
    [Id(0)] public ImmutableList<ScheduleSlot> Slots { get; init; } = [];
}
