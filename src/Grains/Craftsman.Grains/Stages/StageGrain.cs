using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Contracts.Registration;
using Craftsman.Contracts.Stages;
using Craftsman.Rules.Stages;
using Microsoft.Extensions.DependencyInjection;

namespace Craftsman.Grains.Stages;

/// <summary>
/// Routes an occupation's stages: asks the rounds, the open call and the edition, lets the rules
/// (<see cref="StageEntrants"/>, <see cref="AdvancementRules"/>, <see cref="CompositeRules"/>)
/// decide, and stores only the advancements.
/// </summary>
public sealed class StageGrain(
    [PersistentState("stages", StorageNames.Craftsman)] IPersistentState<StageState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock)
    : Grain, IStageGrain
{
    private StageKey Key => StageKey.Parse(this.GetPrimaryKeyString());

    public async Task<StageSetUp> SetUpFor(string? stageId) =>
        await Document() is { } document ? await SetUp(document, stageId) : new StageSetUp(null, null);

    public async Task<string?> Prepare(EditionDocument document)
    {
        if (Find(document) is not { } occupation)
            return null;
        var errors = new List<string>();
        foreach (var stage in StageKey.StagesOf(occupation))
        {
            var contest = Contest(occupation, stage.Id);
            if ((await contest.GetSummary()).Phase != RoundPhase.Draft)
                continue;
            // A stage whose entrants are not known yet shows what is (the seeds of the main stage) until it leaves Draft.
            var definition = (await SetUp(document, stage.Id)).Definition ?? Definition(document, occupation, stage,
                [.. document.Contestants.Where(c => c.Occupation == occupation.Code && c.Role == ContestantRole.Seed && StageKey.MainStage(occupation) == stage)]);
            if (await contest.Setup(definition) is { } error)
                errors.Add($"occupations[{occupation.Code}].stages[{stage.Id}]: {error}");
            else if (stage.Blind == true)
                await contest.Execute(Actor.Organiser, new SetBlind(true));
        }
        return errors.Count == 0 ? null : string.Join(" ", errors);
    }

    public async Task<AdvanceResult> Advance(string stageId, int count)
    {
        var decided = await Decide(stageId, count);
        if (decided.Advancement is { } advancement)
            await state.CommitAsync(state.State with { Advancements = state.State.Advancements.SetItem(stageId, advancement) }, GrainContext);
        return decided;
    }

    public Task<AdvanceResult> PreviewAdvance(string stageId, int count) => Decide(stageId, count);

    private async Task<AdvanceResult> Decide(string stageId, int count)
    {
        if (await Document() is not { } document || Find(document) is not { } occupation
            || StageKey.StagesOf(occupation).FirstOrDefault(s => s.Id == stageId) is not { } stage)
            return Refused(StageRefusalCode.StageNotFound, $"{Key.OccupationCode} has no stage '{stageId}'.");
        var stages = StageKey.StagesOf(occupation);
        var index = stages.IndexOf(stage);
        if (stage.Advance is null || index == stages.Length - 1)
            return Refused(StageRefusalCode.StageDoesNotAdvance, $"Stage '{stageId}' does not send anyone on.");
        if (count < 1)
            return Refused(StageRefusalCode.AdvanceCountInvalid, $"At least one contestant must advance, not {count}.");
        var board = await Contest(occupation, stageId).GetBoard(Audience.Organiser);
        if (board.Phase < RoundPhase.SignedOff || board.Blind)
            return Refused(StageRefusalCode.StageNotSignedOff,
                $"Stage '{stageId}' advances once signed off (a blind stage once published); it is {board.Phase}.");
        var next = stages[index + 1];
        if ((await Contest(occupation, next.Id).GetSummary()).Phase != RoundPhase.Draft)
            return Refused(StageRefusalCode.NextStageStarted, $"Stage '{next.Id}' has left Draft; its contestants are fixed.");

        return new AdvanceResult(new Advancement(stageId, count, AdvancementRules.Decide(board.Standings, count), clock.GetUtcNow()), null);
    }

    public async Task<ImmutableArray<StageView>> GetStages()
    {
        if (await Document() is not { } document || Find(document) is not { } occupation)
            return [];
        var stages = StageKey.StagesOf(occupation);
        var summaries = await Task.WhenAll(stages.Select(s => Contest(occupation, s.Id).GetSummary()));
        return [.. stages.Select((stage, i) => new StageView(stage.Id, stage.Name, StageKey.Of(Key.EditionId, occupation, stage.Id).RoundCode,
            summaries[i].Phase, stage.Weight, stage.Advance, state.State.Advancements.GetValueOrDefault(stage.Id)))];
    }

    public async Task<OccupationResults> GetResults()
    {
        if (await Document() is not { } document || Find(document) is not { } occupation)
            return new OccupationResults(Key.OccupationCode, [], [], new ArenaResult(ArenaOutcome.Pending, null), false);
        var main = GrainFactory.GetGrain<IContestGrain>(Key.OccupationKey);
        var employers = ((await main.GetDefinition(Audience.Organiser))?.Contestants ?? document.Contestants)
            .ToDictionary(c => c.Id, c => c.Employer);
        var stages = StageKey.StagesOf(occupation);
        if (stages.IsEmpty)
        {
            // One round: its board decides, as every page already shows it.
            var board = await main.GetBoard(Audience.Organiser);
            var lines = board.Standings.Where(s => s.Rank > 0).Select(s =>
                new CompositeLine(s.Rank, s.ContestantId, s.Name, s.Role, s.Composite, []) { Employer = employers.GetValueOrDefault(s.ContestantId, "") });
            return new OccupationResults(occupation.Code, [], [.. lines], board.Arena, board.Phase >= RoundPhase.SignedOff && !board.Blind);
        }

        var views = new List<StageView>();
        var weighted = new List<WeightedBoard>();
        var settled = true;
        var mainStage = StageKey.MainStage(occupation)!;
        foreach (var stage in stages)
        {
            var board = await Contest(occupation, stage.Id).GetBoard(Audience.Organiser);
            views.Add(new StageView(stage.Id, stage.Name, StageKey.Of(Key.EditionId, occupation, stage.Id).RoundCode, board.Phase,
                stage.Weight, stage.Advance, state.State.Advancements.GetValueOrDefault(stage.Id)));
            if (stage.Weight == 0 && stage != mainStage)
                continue;
            settled &= board.Phase >= RoundPhase.SignedOff && !board.Blind;
            weighted.Add(new WeightedBoard(stage.Id, stage.Weight, stage == mainStage, board.Standings));
        }
        var composite = CompositeRules.Compute(weighted).Select(l => l with { Employer = employers.GetValueOrDefault(l.ContestantId, "") }).ToImmutableArray();
        var arena = settled ? CompositeRules.Arena(occupation.Mode, composite, document.Edition.QualifyingScore) : new ArenaResult(ArenaOutcome.Pending, null);
        return new OccupationResults(occupation.Code, [.. views], composite, arena, settled);
    }

    private async Task<StageSetUp> SetUp(EditionDocument document, string? stageId)
    {
        if (Find(document) is not { } occupation || StageKey.StagesOf(occupation).IsEmpty)
            return new StageSetUp(null, null);
        if (StageKey.StageOf(occupation, stageId) is not { } stage)
            return new StageSetUp(null, new StageRefusal(StageRefusalCode.StageNotFound, $"{occupation.Code} has no stage '{stageId}'."));
        var stages = StageKey.StagesOf(occupation);
        var index = stages.IndexOf(stage);
        PreviousStage? previous = null;
        if (index > 0)
        {
            var before = stages[index - 1];
            var round = Contest(occupation, before.Id);
            var started = (await round.GetSummary()).Phase != RoundPhase.Draft;
            previous = new PreviousStage(before, state.State.Advancements.GetValueOrDefault(before.Id)?.Advanced,
                started ? (await round.GetDefinition(Audience.Organiser))?.Contestants : null);
        }
        var accepted = await GrainFactory.GetGrain<IRegistrationGrain>(GrainKeys.Registry(Key.EditionId, occupation.Code)).GetAccepted();
        var (contestants, refusal) = StageEntrants.For(occupation, stage, document.Contestants, accepted, previous);
        if (refusal is not null)
            return new StageSetUp(null, refusal);
        return new StageSetUp(Definition(document, occupation, stage, contestants), null);
    }

    private static ContestDefinition Definition(EditionDocument document, Occupation occupation, Stage stage, ImmutableArray<Contestant> contestants)
    {
        var panel = stage.Panel.IsDefaultOrEmpty
            ? document.Judges.Where(j => j.Occupation == occupation.Code)
            : document.Judges.Where(j => j.Occupation == occupation.Code && stage.Panel.Contains(j.Id));
        var scheme = document.MarkingSchemes.Single(s => s.Id == (stage.Scheme ?? occupation.Scheme));
        return new ContestDefinition(document.Edition, occupation, scheme, contestants, [.. panel]) { Stage = stage.Id };
    }

    private Occupation? Find(EditionDocument document) => document.Occupations.FirstOrDefault(o => o.Code == Key.OccupationCode);

    private Task<EditionDocument?> Document() => GrainFactory.GetGrain<IEditionGrain>(Key.EditionId).GetDocument();

    private IContestGrain Contest(Occupation occupation, string stageId) =>
        GrainFactory.GetGrain<IContestGrain>(StageKey.Of(Key.EditionId, occupation, stageId).GrainKey);

    private static AdvanceResult Refused(StageRefusalCode code, string message) => new(null, new StageRefusal(code, message));
}
