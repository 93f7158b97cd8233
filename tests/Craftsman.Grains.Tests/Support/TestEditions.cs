using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Silo.Seeding;

namespace Craftsman.Grains.Tests.Support;

/// <summary>Editions built from the bundled sample, each under a fresh id so tests never share state.</summary>
public static class TestEditions
{
    public const string Occupation = "cnc-lathe";

    public static EditionDocument Sample(string editionId)
    {
        var sample = SampleEdition.Load();
        return sample with { Edition = sample.Edition with { Id = editionId } };
    }

    /// <summary>The sample cut down to one occupation (CNC lathe: machining scheme, 5 judges and a chief).</summary>
    public static EditionDocument OneOccupation(string editionId)
    {
        var sample = Sample(editionId);
        var occupation = sample.Occupations.Single(o => o.Code == Occupation);
        return sample with
        {
            MarkingSchemes = [.. sample.MarkingSchemes.Where(s => s.Id == occupation.Scheme)],
            Occupations = [occupation],
            Contestants = [.. sample.Contestants.Where(c => c.Occupation == Occupation)],
            Judges = [.. sample.Judges.Where(j => j.Occupation == Occupation)],
        };
    }

    public static string NewId() => $"t{Guid.NewGuid():N}"[..12];
}

/// <summary>One imported single-occupation edition and handy accessors for a test.</summary>
public sealed class ContestScenario(IGrainFactory grains, EditionDocument document)
{
    public EditionDocument Document { get; } = document;
    public string EditionId => Document.Edition.Id;
    public IContestGrain Contest => grains.GetGrain<IContestGrain>(GrainKeys.Contest(EditionId, TestEditions.Occupation));
    public IReadOnlyList<Judge> Judges => [.. Document.Judges.Where(j => j.Role == JudgeRole.Judge)];
    public Judge Chief => Document.Judges.Single(j => j.Role == JudgeRole.Chief);
    public IReadOnlyList<Contestant> Contestants => Document.Contestants;

    /// <summary>
    /// Moves the round as the person who may: the chief judge signs off, the organiser does the rest
    /// (checking everyone in first when the round is to go live).
    /// </summary>
    public async Task<CommandResult> MoveTo(RoundPhase phase)
    {
        if (phase == RoundPhase.Live && (await Contest.GetStatus(Audience.Organiser)).Phase == RoundPhase.CheckIn)
            foreach (var contestant in Contestants)
                Assert.True((await Contest.Execute(Actor.Organiser, new CheckInContestant(contestant.Id))).Succeeded);
        return await Contest.Execute(phase == RoundPhase.SignedOff ? new Actor(Chief.Id, ActorRole.Chief) : Actor.Organiser, new MoveRound(phase));
    }

    /// <summary>Every judge marks every criterion of every contestant 0 (valid on any step, no spread, so no flags).</summary>
    public async Task MarkEverything()
    {
        var criteria = Document.MarkingSchemes.Single().Modules.SelectMany(m => m.Criteria).ToList();
        var marks = Contestants.SelectMany(c => criteria.SelectMany(k =>
            (k.Kind == CriterionKind.Measurement ? Judges.Take(2) : Judges).Select(j => new MarkSubmission($"all-{c.Id}-{k.Id}-{j.Id}", j.Id, c.Id, k.Id, 0m))));
        var outcomes = await Contest.SubmitMarks([.. marks]);
        Assert.All(outcomes, o => Assert.True(o.Accepted, o.Rejection?.Message));
    }

    public IContestantGrain Contestant(string id) => grains.GetGrain<IContestantGrain>(GrainKeys.Contestant(EditionId, id));

    public static async Task<ContestScenario> ImportAsync(IGrainFactory grains, RoundPhase phase = RoundPhase.Draft)
    {
        var document = TestEditions.OneOccupation(TestEditions.NewId());
        var result = await grains.GetGrain<IEditionGrain>(document.Edition.Id).Import(document);
        Assert.True(result.Imported, string.Join("; ", result.Errors));
        var scenario = new ContestScenario(grains, document);
        for (var p = RoundPhase.Draft + 1; p <= phase; p++)
        {
            // A round to be signed off needs every criterion final: mark them all before marking closes.
            if (p == RoundPhase.Review && phase >= RoundPhase.SignedOff)
                await scenario.MarkEverything();
            Assert.True((await scenario.MoveTo(p)).Succeeded);
        }
        return scenario;
    }

    public Task<MarkOutcome> Submit(Judge judge, Contestant contestant, string criterion, decimal value, string? key = null) =>
        Contest.SubmitMark(new MarkSubmission(key ?? Guid.NewGuid().ToString("N"), judge.Id, contestant.Id, criterion, value));
}
