using System.Text.RegularExpressions;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Stages;

/// <summary>The problems of the occupations' stage lists, in the import's error style (where, then English / 中文).</summary>
public static partial class StageValidator
{
    public static IEnumerable<string> Validate(EditionDocument document)
    {
        var schemes = document.MarkingSchemes.IsDefault ? [] : document.MarkingSchemes;
        var judges = document.Judges.IsDefault ? [] : document.Judges;
        foreach (var occupation in document.Occupations.IsDefault ? [] : document.Occupations)
        {
            var stages = StageKey.StagesOf(occupation);
            if (stages.IsEmpty)
                continue;
            var at = $"occupations[{occupation.Code}].stages";
            foreach (var duplicate in stages.GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => g.Key))
                yield return $"{at}: id '{duplicate}' appears more than once. / 阶段编号“{duplicate}”重复。";
            var main = StageKey.MainStage(occupation)!;
            var mainIndex = stages.IndexOf(main);
            for (var i = 0; i < stages.Length; i++)
            {
                var stage = stages[i];
                var here = $"{at}[{stage.Id}]";
                if (stage.Id is null || !StageId().IsMatch(stage.Id))
                {
                    yield return $"{at}[{i}]: id '{stage.Id}' must be 1–32 lower-case letters, digits or '-'. / 阶段编号须为 1–32 个小写字母、数字或“-”。";
                    continue;
                }
                if (stage.Name is null || string.IsNullOrWhiteSpace(stage.Name.Zh) || string.IsNullOrWhiteSpace(stage.Name.En))
                    yield return $"{here}.name: both zh and en are required. / 阶段名称须有中英文。";
                if (stage.Scheme is { } scheme && !schemes.Any(s => s.Id == scheme))
                    yield return $"{here}.scheme: '{scheme}' is not defined. / 评分方案“{scheme}”未定义。";
                if (stage.Weight is < 0 or > 1)
                    yield return $"{here}.weight: {stage.Weight} must lie between 0 and 1. / 权重须在 0 与 1 之间。";
                if (i < mainIndex && stage.Weight != 0)
                    yield return $"{here}.weight: a stage before the main stage '{main.Id}' only qualifies; its weight must be 0. / 主阶段之前的阶段只决定晋级，权重须为 0。";
                if (stage.Advance is { } advance && advance < 1)
                    yield return $"{here}.advance: {advance} must be at least 1. / 晋级人数至少为 1。";
                if (stage.Advance is not null && i == stages.Length - 1)
                    yield return $"{here}.advance: the last stage has no next stage to advance to. / 最后一个阶段无法晋级。";
                if (!stage.Panel.IsDefaultOrEmpty)
                {
                    foreach (var id in stage.Panel.Where(id => !judges.Any(j => j.Id == id && j.Occupation == occupation.Code)))
                        yield return $"{here}.panel: '{id}' is not a judge of {occupation.Code}. / “{id}”不是本工种的裁判。";
                    var panel = judges.Where(j => stage.Panel.Contains(j.Id) && j.Occupation == occupation.Code).ToList();
                    if (panel.Count(j => j.Role == JudgeRole.Judge) < JudgementAggregator.MinimumForFinal)
                        yield return $"{here}.panel: at least {JudgementAggregator.MinimumForFinal} judges are needed. / 至少需要 {JudgementAggregator.MinimumForFinal} 名裁判。";
                    if (panel.Count(j => j.Role == JudgeRole.Chief) != 1)
                        yield return $"{here}.panel: exactly one chief judge is needed. / 须有且仅有一名裁判长。";
                }
            }
            var weights = stages.Sum(s => s.Weight);
            if (weights != 1m)
                yield return $"{at}: the weights sum to {weights}, not 1. / 各阶段权重之和为 {weights}，应为 1。";
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex StageId();
}
