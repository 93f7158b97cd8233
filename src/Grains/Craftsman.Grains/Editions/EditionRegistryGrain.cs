using System.Collections.Immutable;
using Craftsman.Contracts.Editions;

namespace Craftsman.Grains.Editions;

public sealed class EditionRegistryGrain(
    [PersistentState("edition-registry", StorageNames.Craftsman)] IPersistentState<EditionRegistryState> state)
    : Grain, IEditionRegistryGrain
{
    public Task<EditionList> List() =>
        Task.FromResult(new EditionList(state.State.Current, [.. state.State.Editions.Values]));

    public async Task<bool> Create(EditionEntry entry)
    {
        if (state.State.Editions.ContainsKey(entry.Id))
            return false;
        await Store(entry with { Imported = false });
        return true;
    }

    public async Task Imported(EditionInfo edition)
    {
        var entry = new EditionEntry(edition.Id, edition.Title, edition.Year, true);
        if (state.State.Editions.GetValueOrDefault(edition.Id) != entry)
            await Store(entry);
    }

    public async Task<bool> MakeCurrent(string editionId)
    {
        if (!state.State.Editions.ContainsKey(editionId))
            return false;
        if (state.State.Current != editionId)
            await state.CommitAsync(state.State with { Current = editionId }, GrainContext);
        return true;
    }

    private Task Store(EditionEntry entry) => state.CommitAsync(state.State with
    {
        Editions = state.State.Editions.SetItem(entry.Id, entry),
        // Until the office chooses, the first edition there is is the one the pages open on.
        Current = state.State.Current ?? entry.Id,
    }, GrainContext);
}
