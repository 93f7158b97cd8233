using Craftsman.Contracts.Access;

namespace Craftsman.Grains.Access;

public sealed class AccessCodeIndexGrain(
    [PersistentState("access-code-index", StorageNames.Craftsman)] IPersistentState<AccessCodeIndexState> state)
    : Grain, IAccessCodeIndexGrain
{
    public async Task<bool> Claim(AccessCodeHolder holder)
    {
        if (state.State.Holder is { } taken)
            return taken == holder;
        await state.CommitAsync(new AccessCodeIndexState { Holder = holder }, GrainContext);
        return true;
    }

    public async Task Release(AccessCodeHolder holder)
    {
        if (state.State.Holder == holder)
            await state.CommitAsync(new AccessCodeIndexState(), GrainContext);
    }

    public Task<AccessCodeHolder?> Find() => Task.FromResult(state.State.Holder);
}
