namespace Craftsman.Grains;

/// <summary>
/// Replaces a grain's immutable state and writes it. If storage does not confirm, the previous
/// value is put back and the activation is retired, so a grain never answers from state that
/// storage may not hold; the next call reads what storage really has.
/// </summary>
public static class StateCommit
{
    public static async Task CommitAsync<T>(this IPersistentState<T> state, T next, IGrainContext grain)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            grain.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "Grain state write was not confirmed."));
            throw;
        }
    }
}
