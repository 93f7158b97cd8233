using System.Collections.Immutable;
using Craftsman.Contracts.Editions;

namespace Craftsman.Grains.Editions;

/// <summary>Each edition registers itself here when it is imported and whenever it wakes holding a document (stores older than this list).</summary>
public sealed class EditionDirectoryGrain(
    [PersistentState("editionDirectory", StorageNames.Craftsman)] IPersistentState<EditionDirectoryState> state)
    : Grain, IEditionDirectoryGrain
{
    public async Task Register(string editionId)
    {
        if (state.State.Editions.Contains(editionId))
            return;
        await state.CommitAsync(state.State with { Editions = state.State.Editions.Add(editionId) }, GrainContext);
    }

    public Task<ImmutableSortedSet<string>> List() => Task.FromResult(state.State.Editions);
}
