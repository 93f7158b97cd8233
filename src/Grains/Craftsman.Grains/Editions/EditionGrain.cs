using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Contracts.Stages;
using Craftsman.Rules.Scoring;

namespace Craftsman.Grains.Editions;

public sealed class EditionGrain(
    [PersistentState("edition", StorageNames.Craftsman)] IPersistentState<EditionState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock)
    : Grain, IEditionGrain
{
    public async Task<ImportResult> Import(EditionDocument document)
    {
        var errors = EditionValidator.Validate(document).ToList();
        if (document.Edition is { } edition && edition.Id != this.GetPrimaryKeyString())
            errors.Add($"edition.id '{edition.Id}' does not match the edition '{this.GetPrimaryKeyString()}' being imported.");
        if (errors.Count > 0)
            return new ImportResult(false, [.. errors]);

        // Once a round has left Draft its contestants, panel and scheme are what judges mark
        // against; replacing them underneath would silently change results.
        var started = await StartedContests(state.State.Document);
        if (started.Count > 0)
            return new ImportResult(false, [$"The edition cannot be re-imported: rounds have left Draft in {string.Join(", ", started)}."]);

        await state.CommitAsync(new EditionState { Document = document, ImportedAt = clock.GetUtcNow() }, GrainContext);
        var failures = await Task.WhenAll(document.Occupations.Select(o => SetUpContest(document, o)));
        var setupErrors = failures.OfType<string>().ToImmutableArray();
        await GrainFactory.GetGrain<IEditionRegistryGrain>(IEditionRegistryGrain.Key).Imported(document.Edition);
        return new ImportResult(setupErrors.IsEmpty, setupErrors);
    }

    public Task<EditionDocument?> GetDocument() => Task.FromResult(state.State.Document);

    public Task<ImmutableArray<Occupation>> GetOccupations() =>
        Task.FromResult(state.State.Document?.Occupations ?? []);

    public Task<ImmutableArray<Contestant>> GetContestants() =>
        Task.FromResult(state.State.Document?.Contestants ?? []);

    public async Task<EditionOverview> GetOverview()
    {
        if (state.State.Document is not { } document)
            throw new InvalidOperationException($"Edition '{this.GetPrimaryKeyString()}' has not been imported.");
        var summaries = await Task.WhenAll(document.Occupations.Select(o => Contest(o.Code).GetSummary()));
        return new EditionOverview(document.Edition, [.. summaries]);
    }

    private async Task<string?> SetUpContest(EditionDocument document, Occupation occupation)
    {
        // An occupation with stages sets up each stage's round from what is known (the document is passed: no call back here).
        if (!StageKey.StagesOf(occupation).IsEmpty)
            return await GrainFactory.GetGrain<IStageGrain>(GrainKeys.Contest(this.GetPrimaryKeyString(), occupation.Code)).Prepare(document);
        var definition = new ContestDefinition(
            document.Edition,
            occupation,
            document.MarkingSchemes.Single(s => s.Id == occupation.Scheme),
            [.. document.Contestants.Where(c => c.Occupation == occupation.Code)],
            [.. document.Judges.Where(j => j.Occupation == occupation.Code)]);
        var error = await Contest(occupation.Code).Setup(definition);
        return error is null ? null : $"occupations[{occupation.Code}]: {error}";
    }

    private async Task<List<string>> StartedContests(EditionDocument? document)
    {
        if (document is null)
            return [];
        var summaries = await Task.WhenAll(document.Occupations.Select(o => Contest(o.Code).GetSummary()));
        return [.. summaries.Where(s => s.Phase != RoundPhase.Draft).Select(s => s.OccupationCode)];
    }

    private IContestGrain Contest(string occupationCode) =>
        GrainFactory.GetGrain<IContestGrain>(GrainKeys.Contest(this.GetPrimaryKeyString(), occupationCode));
}
