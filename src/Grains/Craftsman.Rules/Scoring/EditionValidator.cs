using Craftsman.Contracts.Input;
using System.Collections.Immutable;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;

namespace Craftsman.Rules.Scoring;

/// <summary>
/// Every problem of an edition document, so the organiser fixes them all in one pass. Whatever a
/// later step relies on is checked here first (every field present, ids and numbers within
/// <see cref="InputRules"/>), so an accepted edition can never make a set-up, a mark check or an
/// export fail.
/// </summary>
public static class EditionValidator
{
    public static IReadOnlyList<string> Validate(EditionDocument document)
    {
        if (document is null)
            return ["The document is empty."];
        if (document.Edition is null)
            return ["The document has no 'edition' section."];
        // Null items and fields would break the checks below: reported alone. Missing lists are
        // read as empty there, so they are reported together with everything else.
        var missing = Shape(document);
        if (missing.Count > 0)
            return missing;
        var errors = new List<string>();
        if (document.MarkingSchemes.IsDefault) errors.Add("markingSchemes is required.");
        if (document.Occupations.IsDefault) errors.Add("occupations is required.");
        if (document.Contestants.IsDefault) errors.Add("contestants is required.");
        if (document.Judges.IsDefault) errors.Add("judges is required.");
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

    /// <summary>Fields absent (null), ids outside the character set, texts with invisible characters, numbers beyond the bounds.</summary>
    private static List<string> Shape(EditionDocument d)
    {
        var errors = new List<string>();
        void Id(string at, string? value)
        {
            if (!InputRules.IsId(value))
                errors.Add($"{at}: an id of 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters}) is required{(value is null ? "" : $", not '{Printable(value)}'")}.");
        }
        void Text(string at, string? value)
        {
            if (value is null)
                errors.Add($"{at} is required.");
            else if (!InputRules.IsText(value))
                errors.Add($"{at}: at most {InputRules.MaxTextLength} characters, without control or invisible formatting characters.");
        }
        void Name(string at, LocalizedText? value)
        {
            if (value is null) { errors.Add($"{at} is required."); return; }
            Text($"{at}.zh", value.Zh);
            Text($"{at}.en", value.En);
        }
        void Number(string at, decimal value)
        {
            if (!InputRules.IsBoundedNumber(value))
                errors.Add($"{at}: at most {InputRules.MaxDecimalPlaces} decimal places and a magnitude of at most {InputRules.MaxMagnitude}.");
        }
        void Defined<T>(string at, T value) where T : struct, Enum
        {
            if (!Enum.IsDefined(value))
                errors.Add($"{at}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
        static IEnumerable<(T Item, int Index)> Each<T>(ImmutableArray<T> items) => (items.IsDefault ? [] : items).Select((item, i) => (item, i));

        Id("edition.id", d.Edition.Id);
        Name("edition.title", d.Edition.Title);
        Number("edition.qualifyingScore", d.Edition.QualifyingScore);
        foreach (var (scheme, i) in Each(d.MarkingSchemes))
        {
            var at = $"markingSchemes[{i}]";
            if (scheme is null) { errors.Add($"{at} is empty."); continue; }
            Id($"{at}.id", scheme.Id);
            foreach (var (module, m) in Each(scheme.Modules))
            {
                var mat = $"{at}.modules[{m}]";
                if (module is null) { errors.Add($"{mat} is empty."); continue; }
                Id($"{mat}.id", module.Id);
                Name($"{mat}.name", module.Name);
                Number($"{mat}.weight", module.Weight);
                foreach (var (c, k) in Each(module.Criteria))
                {
                    var cat = $"{mat}.criteria[{k}]";
                    if (c is null) { errors.Add($"{cat} is empty."); continue; }
                    Id($"{cat}.id", c.Id);
                    Name($"{cat}.name", c.Name);
                    Defined($"{cat}.kind", c.Kind);
                    Number($"{cat}.max", c.Max);
                    Number($"{cat}.step", c.Step);
                    if (c.Tolerance is { } tolerance) Number($"{cat}.tolerance", tolerance);
                }
            }
        }
        foreach (var (o, i) in Each(d.Occupations))
        {
            var at = $"occupations[{i}]";
            if (o is null) { errors.Add($"{at} is empty."); continue; }
            Id($"{at}.code", o.Code);
            Name($"{at}.name", o.Name);
            Defined($"{at}.mode", o.Mode);
            Id($"{at}.scheme", o.Scheme);
            if (o.NameSource is not null) Text($"{at}.nameSource", o.NameSource);
        }
        foreach (var (c, i) in Each(d.Contestants))
        {
            var at = $"contestants[{i}]";
            if (c is null) { errors.Add($"{at} is empty."); continue; }
            Id($"{at}.id", c.Id);
            Text($"{at}.name", c.Name);
            Text($"{at}.employer", c.Employer);
            Id($"{at}.occupation", c.Occupation);
            if (c.Role is not (ContestantRole.Seed or ContestantRole.Challenger))
                errors.Add($"{at}.role: 'seed' or 'challenger'.");
        }
        foreach (var (j, i) in Each(d.Judges))
        {
            var at = $"judges[{i}]";
            if (j is null) { errors.Add($"{at} is empty."); continue; }
            Id($"{at}.id", j.Id);
            Text($"{at}.name", j.Name);
            Id($"{at}.occupation", j.Occupation);
            Defined($"{at}.role", j.Role);
        }
        foreach (var (o, i) in Each(d.Officials))
        {
            var at = $"officials[{i}]";
            if (o is null) { errors.Add($"{at} is empty."); continue; }
            Id($"{at}.id", o.Id);
            Text($"{at}.name", o.Name);
            Defined($"{at}.role", o.Role);
        }
        return errors;
    }

    private static string Printable(string value) =>
        new([.. value.Take(InputRules.MaxIdLength).Select(c => c is >= ' ' and <= '~' ? c : '?')]);

    private static IEnumerable<string> Duplicates(IEnumerable<string> ids) =>
        ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key);
}
