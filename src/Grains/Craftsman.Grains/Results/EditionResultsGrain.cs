using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Results;
using Craftsman.Contracts.Stages;
using Craftsman.Rules.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Craftsman.Grains.Results;

/// <summary>
/// The edition's results: the recommended list is derived on every call from each occupation's
/// stages (never stored, so it cannot disagree with the rounds); the notice, the objections and
/// the naming are the office's decisions, decided by <see cref="NoticeRules"/>.
/// </summary>
public sealed class EditionResultsGrain(
    [PersistentState("results", StorageNames.Craftsman)] IPersistentState<EditionResultsState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock)
    : Grain, IEditionResultsGrain
{
    private EditionResultsState S => state.State;

    private string EditionId => this.GetPrimaryKeyString();

    public async Task<RecommendedList> GetRecommended()
    {
        var document = await GrainFactory.GetGrain<IEditionGrain>(EditionId).GetDocument()
            ?? throw new InvalidOperationException($"Edition '{EditionId}' has not been imported.");
        var results = await Task.WhenAll(document.Occupations.Select(o =>
            GrainFactory.GetGrain<IStageGrain>(GrainKeys.Contest(EditionId, o.Code)).GetResults()));
        return new RecommendedList(document.Edition, [.. document.Occupations.Zip(results, Entry)]);
    }

    public async Task<ResultsRefusal?> SetNotice(NoticeWindow window)
    {
        if (NoticeRules.CheckWindow(window, S.Naming) is { } refusal)
            return refusal;
        await state.CommitAsync(S with { Window = window }, GrainContext);
        return null;
    }

    public async Task<PublicNotice> GetNotice() => new(await GetRecommended(), S.Window, NoticeRules.IsOpen(S.Window, clock.GetUtcNow()),
        S.Objections.Count, S.Objections.Count(o => o.Resolution is not null), S.Naming);

    public async Task<LodgeResult> Lodge(ObjectionForm form)
    {
        var occupations = await GrainFactory.GetGrain<IEditionGrain>(EditionId).GetOccupations();
        var (cleaned, invalid) = NoticeRules.CheckForm(form, [.. occupations.Select(o => o.Code)]);
        var now = clock.GetUtcNow();
        if ((NoticeRules.CanLodge(S.Window, S.Naming, S.Objections.Count, now) ?? invalid) is { } refusal)
            return new LodgeResult(null, refusal);
        var number = S.Objections.Count + 1;
        await state.CommitAsync(S with { Objections = S.Objections.Add(new Objection(number, cleaned, now, null)) }, GrainContext);
        return new LodgeResult(number, null);
    }

    public Task<ImmutableArray<Objection>> GetObjections() => Task.FromResult(S.Objections.ToImmutableArray());

    public async Task<ResultsRefusal?> Resolve(int number, bool upheld, string reason)
    {
        if (NoticeRules.CanResolve(S.Objections, number, reason ?? "", S.Naming) is { } refusal)
            return refusal;
        var index = S.Objections.FindIndex(o => o.Number == number);
        var resolved = S.Objections[index] with { Resolution = new ObjectionResolution(upheld, reason!.Trim(), clock.GetUtcNow()) };
        await state.CommitAsync(S with { Objections = S.Objections.SetItem(index, resolved) }, GrainContext);
        return null;
    }

    public async Task<NamingResult> Name()
    {
        var now = clock.GetUtcNow();
        if (NoticeRules.CanName(S.Window, S.Objections, S.Naming, now) is { } refusal)
            return new NamingResult(null, refusal);
        var naming = new Naming(now, NoticeRules.Named(await GetRecommended(), S.Objections));
        await state.CommitAsync(S with { Naming = naming }, GrainContext);
        return new NamingResult(naming, null);
    }

    private static RecommendedEntry Entry(Occupation occupation, OccupationResults results)
    {
        var candidate = results.Settled && results.Arena.TitleCandidateId is { } id ? results.Composite.FirstOrDefault(l => l.ContestantId == id) : null;
        return new RecommendedEntry(occupation.Code, occupation.Name, results.Settled, results.Settled ? results.Arena.Outcome : ArenaOutcome.Pending,
            candidate?.ContestantId, candidate?.Name, candidate?.Employer, candidate?.Role, candidate?.Composite);
    }
}
