using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using Craftsman.Contracts.Analytics;
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
    /// <summary>
    /// All or nothing: everything a later step relies on is validated first; every contest is set
    /// up before the edition document is committed, and if one contest refuses, those already set
    /// up get their previous definition back (a contest that had none keeps the new one, but no
    /// call reaches it: the gateway finds occupations through the committed document only, and the
    /// next import replaces it). The answer then names the refusals and nothing else changed.
    /// </summary>
    public async Task<ImportResult> Import(EditionDocument document)
    {
        var errors = EditionValidator.Validate(document).ToList();
        if (document?.Edition is { } edition && edition.Id != this.GetPrimaryKeyString())
            errors.Add($"edition.id '{edition.Id}' does not match the edition '{this.GetPrimaryKeyString()}' being imported.");
        if (errors.Count > 0)
            return new ImportResult(false, [.. errors]);

        // Once a round has left Draft its contestants, panel and scheme are what judges mark
        // against; replacing them underneath would silently change results.
        var started = await StartedContests(state.State.Document);
        if (started.Count > 0)
            return new ImportResult(false, [$"The edition cannot be re-imported: rounds have left Draft in {string.Join(", ", started)}."]);

        var setUps = await Task.WhenAll(document!.Occupations.Select(o => SetUpContest(document, o)));
        if (setUps.Any(s => s.Error is not null || s.Failure is not null))
        {
            await Task.WhenAll(setUps.Where(s => s.Error is null && s.Failure is null && s.Previous is not null)
                .Select(s => Contest(s.OccupationCode).Setup(s.Previous!)));
            if (setUps.FirstOrDefault(s => s.Failure is not null)?.Failure is { } failure)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            return new ImportResult(false, [.. setUps.Where(s => s.Error is not null).Select(s => $"occupations[{s.OccupationCode}]: {s.Error}")]);
        }

        await state.CommitAsync(new EditionState { Document = document, ImportedAt = clock.GetUtcNow() }, GrainContext);
        await GrainFactory.GetGrain<IEditionRegistryGrain>(IEditionRegistryGrain.Key).Imported(document.Edition);
        return new ImportResult(true, []);
    }

    public Task<EditionDocument?> GetDocument() => Task.FromResult(state.State.Document);

    public Task<ImmutableArray<Occupation>> GetOccupations() =>
        Task.FromResult(state.State.Document?.Occupations ?? []);

    public async Task<EditionAnalytics?> GetJudgeAnalytics() =>
        state.State.Document is { } document
            ? JudgeAnalytics.Across(await Task.WhenAll(document.Occupations.Select(o => Contest(o.Code).GetJudgeAnalytics())))
            : null;

    public Task<ImmutableArray<Contestant>> GetContestants() =>
        Task.FromResult(state.State.Document?.Contestants ?? []);

    public async Task<EditionOverview> GetOverview()
    {
        if (state.State.Document is not { } document)
            throw new InvalidOperationException($"Edition '{this.GetPrimaryKeyString()}' has not been imported.");
        var summaries = await Task.WhenAll(document.Occupations.Select(o => Contest(o.Code).GetSummary()));
        return new EditionOverview(document.Edition, [.. summaries]);
    }

    private sealed record SetUp(string OccupationCode, ContestDefinition? Previous, string? Error, Exception? Failure);

    private async Task<SetUp> SetUpContest(EditionDocument document, Occupation occupation)
    {
        // An occupation with stages sets up each stage's round from what is known (the document is passed: no call back here).
        // Its rounds are not rolled back if another occupation refuses (none has left Draft: the next import replaces them).
        var staged = !StageKey.StagesOf(occupation).IsEmpty;
        var contest = Contest(occupation.Code);
        var previous = staged ? null : await contest.GetDefinition(Audience.Organiser);
        try
        {
            var error = staged
                ? await GrainFactory.GetGrain<IStageGrain>(GrainKeys.Contest(this.GetPrimaryKeyString(), occupation.Code)).Prepare(document)
                : await contest.Setup(new ContestDefinition(
                    document.Edition,
                    occupation,
                    document.MarkingSchemes.Single(s => s.Id == occupation.Scheme),
                    [.. document.Contestants.Where(c => c.Occupation == occupation.Code)],
                    [.. document.Judges.Where(j => j.Occupation == occupation.Code)]));
            return new SetUp(occupation.Code, previous, error, null);
        }
        catch (Exception e)
        {
            return new SetUp(occupation.Code, previous, null, e);
        }
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
