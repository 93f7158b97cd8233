namespace Craftsman.Grains.Contestants;

public sealed class ContestantHistoryGrain(
    [PersistentState("contestant-history", StorageNames.Craftsman)] IPersistentState<ContestantHistory> state)
    : Grain, IContestantHistoryGrain
{
    public static string Key(string contestantKey, int segment) => $"{contestantKey}#{segment}";

    public async Task Store(ContestantHistory history)
    {
        if (history.Corrections.SequenceEqual(state.State.Corrections) && history.AppliedKeys.Count == state.State.AppliedKeys.Count
            && history.AppliedKeys.All(k => state.State.AppliedKeys.TryGetValue(k.Key, out var v) && v == k.Value))
            return;
        await state.CommitAsync(history, GrainContext);
    }

    public Task<ContestantHistory> History() => Task.FromResult(state.State);
}
