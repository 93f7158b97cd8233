using System.Collections.Immutable;
using System.Globalization;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Documents.Formatting;
using Craftsman.Documents.Spreadsheets;
using static Craftsman.Documents.Workbooks.EditionSheets;

namespace Craftsman.Documents.Workbooks;

/// <summary>
/// Turns the sheets of an edition workbook into an <see cref="EditionDocument"/>, checking every
/// cell and collecting every error (sheet, row, column) instead of stopping at the first. The
/// checks are those a row can fail on its own or against the other sheets: required values,
/// numbers, enum values, ranges, duplicates and references. Panel composition (≥ 3 judges, one
/// chief per occupation) is left to the edition grain's validator, which runs on every import.
/// </summary>
internal sealed class EditionWorkbookReader(IReadOnlyDictionary<string, IReadOnlyList<SheetRow>> sheets)
{
    private readonly List<WorkbookError> errors = [];

    public WorkbookReadResult Read()
    {
        var edition = ReadEdition();
        var schemeTable = Table(Schemes, SchemeColumns);
        var occupationTable = Table(Occupations, OccupationColumns);
        var contestantTable = Table(Contestants, ContestantColumns);
        var judgeTable = Table(Judges, JudgeColumns);

        var schemes = ReadSchemes(schemeTable, out var schemeIds);
        var occupations = ReadOccupations(occupationTable, schemeIds, out var codes);
        var contestants = ReadContestants(contestantTable, codes);
        var judges = ReadJudges(judgeTable, codes);
        // Optional, so workbooks written before stages existed still read (as occupations of one round).
        var stages = ReadStages(sheets.ContainsKey(Stages) ? Table(Stages, StageColumns) : null, codes, schemeIds, judges);
        occupations = [.. occupations.Select(o => stages.Contains(o.Code) ? o with { Stages = [.. stages[o.Code]] } : o)];

        var tables = new[] { schemeTable, occupationTable, contestantTable, judgeTable };
        if (tables.All(t => t is not null && t.Rows.Count == 0))
        {
            errors.Add(new WorkbookError("", 0, "", "WorkbookEmpty", "The workbook has no data rows: fill in the sheets Schemes, Occupations, Contestants and Judges below their header rows."));
        }
        else
        {
            foreach (var table in new[] { schemeTable, occupationTable })
                if (table is { Rows.Count: 0 })
                    errors.Add(new WorkbookError(table.Name, 0, "", "SheetEmpty", "The sheet has no data rows below its header."));
        }

        return errors.Count > 0 || edition is null
            ? WorkbookReadResult.Failure(errors)
            : WorkbookReadResult.Success(new EditionDocument(edition, schemes, occupations, contestants, judges));
    }

    private EditionInfo? ReadEdition()
    {
        var table = Table(Edition, EditionColumns);
        if (table is null)
            return null;

        var rowsByKey = new Dictionary<string, SheetRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var key = table.Text(row, "key");
            if (key.Length == 0)
            {
                Error(table, row, "key", "KeyRequired", "A key is required (one of " + string.Join(", ", EditionKeys) + ").", ("keys", string.Join(", ", EditionKeys)));
                continue;
            }
            if (!rowsByKey.TryAdd(key, row))
                Error(table, row, "key", "KeyRepeated", $"The key '{key}' appears again; it is first given in row {rowsByKey[key].Number}.", ("key", key), ("firstRow", rowsByKey[key].Number.ToString(CultureInfo.InvariantCulture)));
        }

        SheetRow? RowOf(string key)
        {
            if (rowsByKey.TryGetValue(key, out var row))
                return row;
            errors.Add(new WorkbookError(table.Name, 0, "key", "KeyMissing", $"The key '{key}' is missing: add a row with '{key}' in the key column and its value beside it.") { Parameters = Parameters(("key", key)) });
            return null;
        }

        var idRow = RowOf(KeyId);
        var zhRow = RowOf(KeyTitleZh);
        var enRow = RowOf(KeyTitleEn);
        var yearRow = RowOf(KeyYear);
        var windowRow = RowOf(KeyAppealWindow);
        var scoreRow = RowOf(KeyQualifyingScore);

        var id = idRow is null ? null : Text(table, idRow, "value", label: KeyId);
        var zh = zhRow is null ? null : Text(table, zhRow, "value", label: KeyTitleZh);
        var en = enRow is null ? null : Text(table, enRow, "value", label: KeyTitleEn);
        var year = yearRow is null ? null : Integer(table, yearRow, "value", 1900, 9999, label: KeyYear);
        var window = windowRow is null ? null : Integer(table, windowRow, "value", 0, int.MaxValue, label: KeyAppealWindow);
        var score = scoreRow is null ? null : Number(table, scoreRow, "value", label: KeyQualifyingScore);
        if (score is < 0 or > 100)
            Error(table, scoreRow!, "value", "OutOfRange", $"{KeyQualifyingScore}: {Show(score)} must lie between 0 and 100.", ("value", Show(score)), ("min", "0"), ("max", "100"));

        var timeZone = rowsByKey.TryGetValue(KeyTimeZone, out var zoneRow) ? Text(table, zoneRow, "value", required: false) : null;
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            Error(table, zoneRow!, "value", "UnknownTimeZone", $"{KeyTimeZone}: '{timeZone}' is not a known time zone; write an IANA name such as Asia/Shanghai.", ("value", timeZone));

        return id is null || zh is null || en is null || year is null || window is null || score is null
            ? null
            : new EditionInfo(id, new LocalizedText(zh, en), year.Value, window.Value, score.Value) { TimeZone = timeZone };
    }

    private ImmutableArray<MarkingScheme> ReadSchemes(SheetTable? table, out HashSet<string> schemeIds)
    {
        schemeIds = new HashSet<string>(StringComparer.Ordinal);
        if (table is null)
            return [];

        // Rows of one scheme (and of one module) need not be adjacent; order is that of first appearance.
        var schemes = new List<(string Id, int Row, List<ModuleRows> Modules)>();
        foreach (var row in table.Rows)
        {
            var schemeId = Text(table, row, "scheme");
            var moduleId = Text(table, row, "module");
            var moduleZh = Text(table, row, "module_name_zh");
            var moduleEn = Text(table, row, "module_name_en");
            var weight = Number(table, row, "module_weight");
            var criterionId = Text(table, row, "criterion");
            var criterionZh = Text(table, row, "criterion_name_zh");
            var criterionEn = Text(table, row, "criterion_name_en");
            var kind = Choice<CriterionKind>(table, row, "kind", "criterion kind");
            var max = Number(table, row, "max");
            var step = Number(table, row, "step");
            var tolerance = Number(table, row, "tolerance", required: false);

            if (weight is <= 0 or > 1)
                Error(table, row, "module_weight", "WeightOutOfRange", $"{Show(weight)} must be above 0 and at most 1 (weights of a scheme sum to 1, e.g. 0.7 and 0.3).", ("value", Show(weight)));
            if (max is <= 0)
                Error(table, row, "max", "NotPositive", $"{Show(max)} must be positive.", ("value", Show(max)));
            if (step is <= 0)
                Error(table, row, "step", "NotPositive", $"{Show(step)} must be positive.", ("value", Show(step)));
            else if (step is { } s && max is > 0 && max.Value % s != 0)
                Error(table, row, "step", "StepDoesNotDivide", $"{Show(step)} does not divide the maximum {Show(max)}.", ("value", Show(step)), ("max", Show(max)));
            if (tolerance is < 0)
                Error(table, row, "tolerance", "Negative", $"{Show(tolerance)} must not be negative.", ("value", Show(tolerance)));
            if (kind == CriterionKind.Judgement && tolerance is null && table.Has("tolerance") && table.Text(row, "tolerance").Length == 0)
                Error(table, row, "tolerance", "ToleranceRequired", "A judgement criterion needs a tolerance (the largest allowed spread between panel marks).");

            if (schemeId is null)
                continue;
            schemeIds.Add(schemeId);
            var scheme = schemes.Find(s => s.Id == schemeId);
            if (scheme.Id is null)
            {
                scheme = (schemeId, row.Number, []);
                schemes.Add(scheme);
            }
            if (moduleId is null)
                continue;

            var module = scheme.Modules.Find(m => m.Id == moduleId);
            if (module is null)
            {
                module = new ModuleRows(moduleId, row.Number, moduleZh, moduleEn, weight);
                scheme.Modules.Add(module);
            }
            else
            {
                if (moduleZh is not null && module.NameZh is not null && moduleZh != module.NameZh)
                    Error(table, row, "module_name_zh", "ModuleDiffers", $"Module '{moduleId}' of scheme '{schemeId}' is named '{module.NameZh}' in row {module.Row}; every row of a module repeats the same name.", ("module", moduleId), ("scheme", schemeId), ("value", module.NameZh), ("firstRow", module.Row.ToString(CultureInfo.InvariantCulture)));
                if (moduleEn is not null && module.NameEn is not null && moduleEn != module.NameEn)
                    Error(table, row, "module_name_en", "ModuleDiffers", $"Module '{moduleId}' of scheme '{schemeId}' is named '{module.NameEn}' in row {module.Row}; every row of a module repeats the same name.", ("module", moduleId), ("scheme", schemeId), ("value", module.NameEn), ("firstRow", module.Row.ToString(CultureInfo.InvariantCulture)));
                if (weight is not null && module.Weight is not null && weight != module.Weight)
                    Error(table, row, "module_weight", "ModuleDiffers", $"Module '{moduleId}' of scheme '{schemeId}' has weight {Show(module.Weight)} in row {module.Row}; every row of a module repeats the same weight.", ("module", moduleId), ("scheme", schemeId), ("value", Show(module.Weight)), ("firstRow", module.Row.ToString(CultureInfo.InvariantCulture)));
            }

            if (criterionId is null)
                continue;
            var earlier = scheme.Modules.SelectMany(m => m.Criteria).FirstOrDefault(c => c.Id == criterionId);
            if (earlier.Id is not null)
            {
                Error(table, row, "criterion", "Duplicate", $"Criterion '{criterionId}' of scheme '{schemeId}' is already defined in row {earlier.Row}.", ("value", criterionId), ("firstRow", earlier.Row.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            var criterion = criterionZh is null || criterionEn is null || kind is null || max is null || step is null
                ? null
                : new Criterion(criterionId, new LocalizedText(criterionZh, criterionEn), kind.Value, max.Value, step.Value, tolerance);
            module.Criteria.Add((criterionId, row.Number, criterion));
        }

        foreach (var scheme in schemes)
        {
            var weights = scheme.Modules.Select(m => m.Weight).ToList();
            if (weights.All(w => w is not null) && weights.Sum() != 1m)
                errors.Add(new WorkbookError(table.Name, scheme.Row, "module_weight", "WeightsNotOne", $"The module weights of scheme '{scheme.Id}' sum to {Show(weights.Sum())}, not 1.") { Parameters = Parameters(("scheme", scheme.Id), ("value", Show(weights.Sum()))) });
        }

        return [.. schemes.Select(s => new MarkingScheme(s.Id, [.. s.Modules.Select(m => new MarkingModule(
            m.Id,
            new LocalizedText(m.NameZh ?? "", m.NameEn ?? ""),
            m.Weight ?? 0m,
            [.. m.Criteria.Select(c => c.Criterion).OfType<Criterion>()]))]))];
    }

    private ImmutableArray<Occupation> ReadOccupations(SheetTable? table, HashSet<string> schemeIds, out HashSet<string> codes)
    {
        codes = new HashSet<string>(StringComparer.Ordinal);
        if (table is null)
            return [];
        var result = ImmutableArray.CreateBuilder<Occupation>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var code = Text(table, row, "code");
            var zh = Text(table, row, "name_zh");
            var en = Text(table, row, "name_en");
            var mode = Choice<ContestMode>(table, row, "mode", "contest mode");
            var scheme = Text(table, row, "scheme");
            var nameSource = Text(table, row, "nameSource", required: false);

            if (code is not null)
            {
                codes.Add(code);
                if (code.Contains('/'))
                    Error(table, row, "code", "SlashInCode", $"The code '{code}' must not contain '/'.", ("value", code));
                if (!firstRow.TryAdd(code, row.Number))
                    Error(table, row, "code", "Duplicate", $"The occupation '{code}' is already defined in row {firstRow[code]}.", ("value", code), ("firstRow", firstRow[code].ToString(CultureInfo.InvariantCulture)));
            }
            if (scheme is not null && !schemeIds.Contains(scheme))
                Error(table, row, "scheme", "NotDefined", $"The scheme '{scheme}' is not defined in the sheet {Schemes}.", ("value", scheme), ("sheet", Schemes));

            if (code is not null && zh is not null && en is not null && mode is not null && scheme is not null)
                result.Add(new Occupation(code, new LocalizedText(zh, en), mode.Value, scheme, nameSource));
        }
        return result.ToImmutable();
    }

    private ImmutableArray<Contestant> ReadContestants(SheetTable? table, HashSet<string> codes)
    {
        if (table is null)
            return [];
        var result = ImmutableArray.CreateBuilder<Contestant>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = Text(table, row, "id");
            var name = Text(table, row, "name");
            var employer = Text(table, row, "employer");
            var occupation = Occupation(table, row, codes);
            var role = Choice<ContestantRole>(table, row, "role", "contestant role");
            if (id is not null && !firstRow.TryAdd(id, row.Number))
                Error(table, row, "id", "Duplicate", $"The contestant '{id}' is already listed in row {firstRow[id]}.", ("value", id), ("firstRow", firstRow[id].ToString(CultureInfo.InvariantCulture)));
            if (id is not null && name is not null && employer is not null && occupation is not null && role is not null)
                result.Add(new Contestant(id, name, employer, occupation, role.Value));
        }
        return result.ToImmutable();
    }

    private ImmutableArray<Judge> ReadJudges(SheetTable? table, HashSet<string> codes)
    {
        if (table is null)
            return [];
        var result = ImmutableArray.CreateBuilder<Judge>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = Text(table, row, "id");
            var name = Text(table, row, "name");
            var occupation = Occupation(table, row, codes);
            var role = Choice<JudgeRole>(table, row, "role", "judge role");
            if (id is not null && !firstRow.TryAdd(id, row.Number))
                Error(table, row, "id", "Duplicate", $"The judge '{id}' is already listed in row {firstRow[id]}.", ("value", id), ("firstRow", firstRow[id].ToString(CultureInfo.InvariantCulture)));
            if (id is not null && name is not null && occupation is not null && role is not null)
                result.Add(new Judge(id, name, occupation, role.Value));
        }
        return result.ToImmutable();
    }

    private ILookup<string, Stage> ReadStages(SheetTable? table, HashSet<string> codes, HashSet<string> schemeIds, ImmutableArray<Judge> judges)
    {
        var result = new List<(string Occupation, Stage Stage)>();
        if (table is null)
            return result.ToLookup(s => s.Occupation, s => s.Stage);
        var firstRow = new Dictionary<(string, string), int>();
        foreach (var row in table.Rows)
        {
            var occupation = Occupation(table, row, codes);
            var id = Text(table, row, "stage");
            var zh = Text(table, row, "name_zh");
            var en = Text(table, row, "name_en");
            var scheme = Text(table, row, "scheme", required: false);
            var blindText = Text(table, row, "blind", required: false);
            var advance = OptionalInteger(table, row, "advance", 1, 10_000);
            var weight = Number(table, row, "weight");
            var panelText = Text(table, row, "panel", required: false);

            if (occupation is not null && id is not null && !firstRow.TryAdd((occupation, id), row.Number))
                Error(table, row, "stage", "Duplicate", $"The stage '{id}' of '{occupation}' is already defined in row {firstRow[(occupation, id)]}.", ("value", id), ("firstRow", firstRow[(occupation, id)].ToString(CultureInfo.InvariantCulture)));
            if (scheme is not null && !schemeIds.Contains(scheme))
                Error(table, row, "scheme", "NotDefined", $"The scheme '{scheme}' is not defined in the sheet {Schemes}.", ("value", scheme), ("sheet", Schemes));
            bool? blind = null;
            if (blindText is not null)
            {
                if (BlindValues.Contains(blindText, StringComparer.OrdinalIgnoreCase))
                    blind = string.Equals(blindText, "true", StringComparison.OrdinalIgnoreCase);
                else
                    Error(table, row, "blind", "NotAllowed", $"'{blindText}' is not allowed here; use one of: {string.Join(", ", BlindValues)}, or leave it blank.", ("value", blindText), ("allowed", string.Join(", ", BlindValues)));
            }
            if (weight is < 0 or > 1)
                Error(table, row, "weight", "OutOfRange", $"weight: {Show(weight)} must lie between 0 and 1.", ("value", Show(weight)), ("min", "0"), ("max", "1"));
            var panel = (panelText ?? "").Split([' ', ',', ';', '，', '、', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var judge in panel.Where(j => occupation is not null && !judges.Any(x => x.Id == j && x.Occupation == occupation)))
                Error(table, row, "panel", "NotDefined", $"The judge '{judge}' is not a judge of '{occupation}' in the sheet {Judges}.", ("value", judge), ("sheet", Judges));

            if (occupation is not null && id is not null && zh is not null && en is not null && weight is not null)
                result.Add((occupation, new Stage(id, new LocalizedText(zh, en), scheme, blind, advance, weight.Value) { Panel = [.. panel] }));
        }
        return result.ToLookup(s => s.Occupation, s => s.Stage);
    }

    private int? OptionalInteger(SheetTable table, SheetRow row, string column, int min, int max) =>
        table.Text(row, column).Length == 0 ? null : Integer(table, row, column, min, max);

    private string? Occupation(SheetTable table, SheetRow row, HashSet<string> codes)
    {
        var code = Text(table, row, "occupation");
        if (code is not null && !codes.Contains(code))
        {
            Error(table, row, "occupation", "NotDefined", $"The occupation '{code}' is not defined in the sheet {Occupations}.", ("value", code), ("sheet", Occupations));
            return null;
        }
        return code;
    }

    /// <summary>The sheet's header (its first non-blank row) and data rows; null, with an error, when the sheet is missing.</summary>
    private SheetTable? Table(string name, string[] expected)
    {
        if (!sheets.TryGetValue(name, out var rows))
        {
            errors.Add(new WorkbookError(name, 0, "", "SheetMissing", $"The workbook has no sheet named '{name}'."));
            return null;
        }
        if (rows.Count == 0)
        {
            errors.Add(new WorkbookError(name, 0, "", "HeaderMissing", $"The sheet is empty: row 1 must hold the header {string.Join(", ", expected)}.") { Parameters = Parameters(("columns", string.Join(", ", expected))) });
            return new SheetTable(name, 1, new Dictionary<string, int>(), []);
        }

        var header = rows[0];
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (index, cell) in header.Cells.OrderBy(c => c.Key))
        {
            var title = cell.Text.Trim();
            if (title.Length == 0 || !expected.Contains(title, StringComparer.OrdinalIgnoreCase))
                continue;
            var canonical = expected.First(e => string.Equals(e, title, StringComparison.OrdinalIgnoreCase));
            if (!columns.TryAdd(canonical, index))
                errors.Add(new WorkbookError(name, header.Number, canonical, "ColumnTwice", $"The header names the column '{canonical}' twice (columns {XlsxBuilder.ColumnName(columns[canonical])} and {XlsxBuilder.ColumnName(index)}).") { Parameters = Parameters(("first", XlsxBuilder.ColumnName(columns[canonical])), ("second", XlsxBuilder.ColumnName(index))) });
        }
        foreach (var column in expected.Where(c => !columns.ContainsKey(c) && !OptionalColumns.Contains(c)))
            errors.Add(new WorkbookError(name, header.Number, column, "ColumnMissing", $"The header row has no column '{column}'."));
        return new SheetTable(name, header.Number, columns, rows.Skip(1).ToList());
    }

    private string? Text(SheetTable table, SheetRow row, string column, bool required = true, string? label = null)
    {
        if (!table.Has(column))
            return null; // already reported on the header row
        var text = table.Text(row, column);
        if (text.Length > 0)
            return text;
        if (required)
            Error(table, row, column, "ValueRequired", Label(label) + "A value is required.", ("key", label ?? ""));
        return null;
    }

    private decimal? Number(SheetTable table, SheetRow row, string column, bool required = true, string? label = null)
    {
        var text = Text(table, row, column, required, label);
        if (text is null)
            return null;
        if (table.Cell(row, column) is { } cell && CellNumber.TryParse(cell, out var value))
            return value;
        Error(table, row, column, "NotANumber", Label(label) + $"'{text}' is not a number; write digits with a decimal point, e.g. 0.5 or 20.", ("value", text), ("key", label ?? ""));
        return null;
    }

    private int? Integer(SheetTable table, SheetRow row, string column, int min, int max, string? label = null)
    {
        var text = Text(table, row, column, required: true, label);
        if (text is null)
            return null;
        if (table.Cell(row, column) is { } cell && CellNumber.TryParse(cell, out var value)
            && value == decimal.Truncate(value) && value >= min && value <= max)
            return (int)value;
        Error(table, row, column, "NotAWholeNumber", Label(label) + $"'{text}' is not a whole number from {min} to {max}.", ("value", text), ("min", min.ToString(CultureInfo.InvariantCulture)), ("max", max.ToString(CultureInfo.InvariantCulture)), ("key", label ?? ""));
        return null;
    }

    private T? Choice<T>(SheetTable table, SheetRow row, string column, string what) where T : struct, Enum
    {
        var text = Text(table, row, column);
        if (text is null)
            return null;
        if (EnumText.TryParse<T>(text, out var value))
            return value;
        Error(table, row, column, "NotAllowed", $"'{text}' is not a {what}; use one of: {string.Join(", ", EnumText.Allowed<T>())}.", ("value", text), ("allowed", string.Join(", ", EnumText.Allowed<T>())));
        return null;
    }

    private void Error(SheetTable table, SheetRow row, string column, string code, string message, params (string Name, string Value)[] parameters) =>
        errors.Add(new WorkbookError(table.Name, row.Number, column, code, message) { Parameters = Parameters(parameters) });

    private static Dictionary<string, string> Parameters(params (string Name, string Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value);

    private static string Label(string? label) => label is null ? "" : label + ": ";

    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private sealed class ModuleRows(string id, int row, string? nameZh, string? nameEn, decimal? weight)
    {
        public string Id { get; } = id;
        public int Row { get; } = row;
        public string? NameZh { get; } = nameZh;
        public string? NameEn { get; } = nameEn;
        public decimal? Weight { get; } = weight;
        public List<(string Id, int Row, Criterion? Criterion)> Criteria { get; } = [];
    }
}
