using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Marking;

namespace Craftsman.Rules.Scoring;

/// <summary>
/// Turns a contestant's marks into criterion aggregates, module scores and the composite:
/// module score = Σ criterion aggregates; composite = Σ weight × module score / module max × 100.
/// </summary>
public static class ScoresheetCalculator
{
    public static Scoresheet Calculate(
        string contestantId,
        MarkingScheme scheme,
        ImmutableArray<Mark> marks,
        ImmutableArray<MarkCorrection> corrections)
    {
        var byCriterion = marks.ToLookup(m => m.CriterionId);
        var aggregates = ImmutableArray.CreateBuilder<CriterionAggregate>();
        var modules = ImmutableArray.CreateBuilder<ModuleScore>();
        foreach (var module in scheme.Modules)
        {
            var score = 0m;
            foreach (var criterion in module.Criteria)
            {
                var aggregate = Aggregate(criterion, byCriterion[criterion.Id].ToList());
                aggregates.Add(aggregate);
                score += aggregate.Value ?? 0m;
            }
            modules.Add(new ModuleScore(module.Id, score, module.Max));
        }
        var composite = Composite(scheme, modules);
        return new Scoresheet(contestantId, marks, aggregates.ToImmutable(), modules.ToImmutable(), composite, corrections);
    }

    public static CriterionAggregate Aggregate(Criterion criterion, IReadOnlyCollection<Mark> marks) =>
        criterion.Kind == CriterionKind.Measurement
            ? MeasurementAggregator.Aggregate(criterion, marks)
            : JudgementAggregator.Aggregate(criterion, marks);

    public static decimal Composite(MarkingScheme scheme, IReadOnlyList<ModuleScore> modules)
    {
        var composite = 0m;
        foreach (var module in scheme.Modules)
        {
            var score = modules.FirstOrDefault(m => m.ModuleId == module.Id)?.Score ?? 0m;
            var max = module.Max;
            if (max > 0)
                composite += module.Weight * score * 100m / max;
        }
        return composite;
    }
}
