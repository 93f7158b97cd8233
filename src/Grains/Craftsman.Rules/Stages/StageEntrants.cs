using System.Collections.Immutable;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Contracts.Stages;

namespace Craftsman.Rules.Stages;

/// <summary>What is known about the stage before the one being set up.</summary>
/// <param name="Advanced">Who the previous stage advanced; null while it has not.</param>
/// <param name="Contestants">The previous stage's round as it started; null while it is in Draft.</param>
public sealed record PreviousStage(Stage Stage, ImmutableArray<string>? Advanced, ImmutableArray<Contestant>? Contestants);

/// <summary>
/// Who competes in a stage. The first stage: the occupation's challengers in the edition and the
/// open call's accepted entrants, with the seeds when it is the main stage. A stage after one that
/// advances: those advanced, with the seeds when it is the main stage (seeds do not qualify). A
/// stage after one that does not advance (the review after the final): that stage's competitors.
/// </summary>
public static class StageEntrants
{
    public static (ImmutableArray<Contestant> Contestants, StageRefusal? Refusal) For(
        Occupation occupation, Stage stage, IReadOnlyList<Contestant> listed, IReadOnlyList<Contestant> accepted, PreviousStage? previous)
    {
        var isMain = StageKey.MainStage(occupation)?.Id == stage.Id;
        var seeds = listed.Where(c => c.Role == ContestantRole.Seed && c.Occupation == occupation.Code).ToList();
        var challengers = listed.Where(c => c.Role == ContestantRole.Challenger && c.Occupation == occupation.Code)
            .Concat(accepted.Where(a => !listed.Any(c => c.Id == a.Id)))
            .ToList();
        if (previous is null)
            return Checked(stage, isMain ? [.. seeds, .. challengers] : challengers);
        if (previous.Stage.Advance is not null)
        {
            if (previous.Advanced is not { } advanced)
                return ([], new StageRefusal(StageRefusalCode.PreviousStageNotAdvanced,
                    $"Stage '{previous.Stage.Id}' has not advanced anyone to '{stage.Id}' yet."));
            var pool = (previous.Contestants ?? []).Concat(challengers).DistinctBy(c => c.Id).ToList();
            var going = advanced.Select(id => pool.FirstOrDefault(c => c.Id == id)).OfType<Contestant>();
            return Checked(stage, isMain ? [.. seeds.Where(s => !advanced.Contains(s.Id)), .. going] : [.. going]);
        }
        return previous.Contestants is { } same
            ? Checked(stage, [.. same])
            : ([], new StageRefusal(StageRefusalCode.PreviousStageNotAdvanced, $"Stage '{previous.Stage.Id}' has not started yet, so '{stage.Id}' has no contestants."));
    }

    private static (ImmutableArray<Contestant>, StageRefusal?) Checked(Stage stage, List<Contestant> contestants) =>
        contestants.Count == 0
            ? ([], new StageRefusal(StageRefusalCode.NoContestants, $"Stage '{stage.Id}' has nobody to compete."))
            : ([.. contestants], null);
}
