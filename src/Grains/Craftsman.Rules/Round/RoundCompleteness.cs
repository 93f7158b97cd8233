using Craftsman.Contracts.Marking;

namespace Craftsman.Rules.Round;

/// <summary>
/// Whether a round's marking is complete: every criterion of every contestant who competes has a
/// final aggregate, or a flag the chief judge confirmed with a written reason. A round is signed
/// off only when it is, so no official result rests on a criterion with too few marks.
/// </summary>
public static class RoundCompleteness
{
    public sealed record Gap(string ContestantId, string CriterionId, string Why);

    public static IReadOnlyList<Gap> Incomplete(RoundState s)
    {
        if (s.Definition is not { } definition)
            return [];
        var gaps = new List<Gap>();
        foreach (var contestant in definition.Contestants.Where(c => s.Competes(c.Id)).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            foreach (var criterion in s.Sheets[contestant.Id].Criteria)
            {
                if (criterion.IsFinal || s.Confirmed.ContainsKey(RoundState.CriterionKey(contestant.Id, criterion.CriterionId)))
                    continue;
                gaps.Add(new Gap(contestant.Id, criterion.CriterionId, criterion.Flag != CriterionFlag.None
                    ? $"flagged {criterion.Flag}"
                    : $"{criterion.MarkCount} marks"));
            }
        }
        return gaps;
    }
}
