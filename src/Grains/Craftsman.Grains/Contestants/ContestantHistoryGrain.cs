namespace Craftsman.Grains.Contestants;

public sealed class ContestantHistoryGrain(
    [PersistentState("contestant-history", StorageNames.Craftsman)] IPersistentState<ContestantHistory> state)
    : Grain, IContestantHistoryGrain
{
    public static string Key(string contestantKey, int segment) => $"{contestantKey}#{segment}";

    public Task Store(ContestantHistory history) => state.CommitAsync(history, GrainContext);

    public Task<ContestantHistory> History() => Task.FromResult(state.State);
}
