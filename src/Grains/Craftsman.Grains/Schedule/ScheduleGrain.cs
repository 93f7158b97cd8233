using System.Collections.Immutable;
using Craftsman.Contracts.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace Craftsman.Grains.Schedule;

public sealed class ScheduleGrain(
    [PersistentState("schedule", StorageNames.Craftsman)] IPersistentState<ScheduleState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock)
    : Grain, IScheduleGrain
{
    public async Task<ScheduleRefusal?> SetSlot(ScheduleSlot slot)
    {
        var (cleaned, refusal) = ScheduleRules.Check(slot);
        if (refusal is not null)
            return refusal;
        var slots = state.State.Slots;
        var index = slots.FindIndex(s => ScheduleRules.SameSlot(s, cleaned));
        if (index < 0 && slots.Count >= ScheduleRules.MaxSlots)
            return new ScheduleRefusal(ScheduleRefusalCode.ScheduleFull, $"The schedule holds its maximum of {ScheduleRules.MaxSlots} slots.");
        var next = index < 0 ? slots.Add(cleaned) : slots.SetItem(index, cleaned);
        await state.CommitAsync(state.State with { Slots = next }, GrainContext);
        return null;
    }

    public async Task<ScheduleRefusal?> RemoveSlot(string occupationCode, string stage)
    {
        var slots = state.State.Slots;
        var index = slots.FindIndex(s => s.OccupationCode == occupationCode && s.Stage == stage.Trim().ToLowerInvariant());
        if (index < 0)
            return new ScheduleRefusal(ScheduleRefusalCode.SlotNotFound, $"No slot is scheduled for {occupationCode}, stage '{stage}'.");
        await state.CommitAsync(state.State with { Slots = slots.RemoveAt(index) }, GrainContext);
        return null;
    }

    public Task<ImmutableArray<ScheduleSlot>> GetSlots() =>
        Task.FromResult(state.State.Slots.OrderBy(s => s.Start).ThenBy(s => s.OccupationCode, StringComparer.Ordinal).ToImmutableArray());

    public Task<Programme> GetProgramme() => Task.FromResult(ProgrammeOrder.Order(state.State.Slots, clock.GetUtcNow()));
}
