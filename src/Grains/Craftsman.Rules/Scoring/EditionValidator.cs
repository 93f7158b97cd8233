using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;

namespace Craftsman.Rules.Scoring;

/// <summary>Every problem of an edition document, so the organiser fixes them all in one pass.</summary>
public static class EditionValidator
{
    public static IReadOnlyList<string> Validate(EditionDocument document)
    {
        var errors = new List<string>();
        if (document.Edition is null)
            return ["The document has no 'edition' section."];
        if (string.IsNullOrWhiteSpace(document.Edition.Id))
            errors.Add("edition.id is required.");
        if (document.Edition.AppealWindowMinutes < 0)
            errors.Add("edition.appealWindowMinutes must not be negative.");
        if (document.Edition.QualifyingScore is < 0 or > 100)
            errors.Add("edition.qualifyingScore must lie between 0 and 100.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(document.Edition.TimeZoneOrDefault, out _))
            errors.Add($"edition.timeZone '{document.Edition.TimeZone}' is not a known time zone (an IANA name such as Asia/Shanghai).");

        var schemes = document.MarkingSchemes.IsDefault ? [] : document.MarkingSchemes;
        foreach (var duplicate in Duplicates(schemes.Select(s => s.Id)))
            errors.Add($"markingSchemes: id '{duplicate}' appears more than once.");
        foreach (var scheme in schemes)
        {
            if (scheme.Modules.IsDefaultOrEmpty)
            {
                errors.Add($"markingSchemes[{scheme.Id}]: has no modules.");
                continue;
            }
            var weights = scheme.Modules.Sum(m => m.Weight);
            if (weights != 1m)
                errors.Add($"markingSchemes[{scheme.Id}]: module weights sum to {weights}, not 1.");
            var criteria = scheme.Modules.SelectMany(m => m.Criteria.IsDefault ? [] : m.Criteria);
            foreach (var duplicate in Duplicates(criteria.Select(c => c.Id)))
                errors.Add($"markingSchemes[{scheme.Id}]: criterion '{duplicate}' appears more than once.");
            foreach (var module in scheme.Modules)
            {
                if (module.Weight <= 0)
                    errors.Add($"markingSchemes[{scheme.Id}].{module.Id}: weight must be positive.");
                if (module.Criteria.IsDefaultOrEmpty)
                    errors.Add($"markingSchemes[{scheme.Id}].{module.Id}: has no criteria.");
                foreach (var c in module.Criteria.IsDefault ? [] : module.Criteria)
                {
                    var at = $"markingSchemes[{scheme.Id}].{module.Id}.{c.Id}";
                    if (c.Max <= 0) errors.Add($"{at}: max must be positive.");
                    if (c.Step <= 0 || (c.Max > 0 && c.Max % c.Step != 0)) errors.Add($"{at}: step must be positive and divide max.");
                    if (c.Kind == Contracts.Marking.CriterionKind.Judgement && c.Tolerance is null or < 0)
                        errors.Add($"{at}: a judgement criterion needs a non-negative tolerance.");
                }
            }
        }

        var occupations = document.Occupations.IsDefault ? [] : document.Occupations;
        foreach (var duplicate in Duplicates(occupations.Select(o => o.Code)))
            errors.Add($"occupations: code '{duplicate}' appears more than once.");
        foreach (var occupation in occupations)
        {
            if (string.IsNullOrWhiteSpace(occupation.Code) || occupation.Code.Contains('/'))
                errors.Add($"occupations: code '{occupation.Code}' must be non-empty and contain no '/'.");
            if (!schemes.Any(s => s.Id == occupation.Scheme))
                errors.Add($"occupations[{occupation.Code}]: scheme '{occupation.Scheme}' is not defined.");
        }

        var codes = occupations.Select(o => o.Code).ToHashSet();
        var contestants = document.Contestants.IsDefault ? [] : document.Contestants;
        var judges = document.Judges.IsDefault ? [] : document.Judges;
        foreach (var duplicate in Duplicates(contestants.Select(c => c.Id)))
            errors.Add($"contestants: id '{duplicate}' appears more than once.");
        var officials = document.Officials.IsDefault ? [] : document.Officials;
        foreach (var duplicate in Duplicates(judges.Select(j => j.Id).Concat(officials.Select(o => o.Id))))
            errors.Add($"judges/officials: id '{duplicate}' appears more than once.");
        if (officials.Count(o => o.Role == OfficialRole.EncryptionOfficer) > 1)
            errors.Add("officials: an edition has one encryption officer.");
        foreach (var c in contestants.Where(c => !codes.Contains(c.Occupation)))
            errors.Add($"contestants[{c.Id}]: occupation '{c.Occupation}' is not defined.");
        foreach (var j in judges.Where(j => !codes.Contains(j.Occupation)))
            errors.Add($"judges[{j.Id}]: occupation '{j.Occupation}' is not defined.");
        foreach (var occupation in occupations)
        {
            var panel = judges.Where(j => j.Occupation == occupation.Code).ToList();
            var marking = panel.Count(j => j.Role == JudgeRole.Judge);
            if (marking < JudgementAggregator.MinimumForFinal)
                errors.Add($"occupations[{occupation.Code}]: the panel has {marking} judges; at least {JudgementAggregator.MinimumForFinal} are needed.");
            if (panel.Count(j => j.Role == JudgeRole.Chief) != 1)
                errors.Add($"occupations[{occupation.Code}]: exactly one chief judge is needed.");
        }
        errors.AddRange(Stages.StageValidator.Validate(document));
        return errors;
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> ids) =>
        ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key);
}
