using System.Collections.Immutable;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Documents.Formatting;
using Craftsman.Documents.Spreadsheets;
using static Craftsman.Documents.Workbooks.EditionSheets;

namespace Craftsman.Documents.Workbooks;

/// <summary>
/// An edition as an .xlsx workbook for the competition office: sheets Edition (key/value rows),
/// Schemes (one row per criterion, module columns repeated), Occupations, Contestants, Judges and
/// Stages (optional: each occupation's stages in order), each under a header row. Values are
/// written exactly (decimals invariantly, ids as text), so a document written and read back is the
/// same document.
/// </summary>
public static class EditionWorkbook
{
    public static byte[] Write(EditionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new XlsxBuilder();
        AddSheets(builder, document);
        return builder.Build();
    }

    /// <summary>
    /// The layout with one example row per sheet (a consistent one-occupation edition, so the template
    /// reads back without errors) and a Help sheet describing every column. The organiser replaces
    /// the example rows; the reader ignores the Help sheet.
    /// </summary>
    /// <param name="editionId">The edition the template is for: its example rows carry this id, so the file imports there as downloaded.</param>
    public static byte[] Template(string? editionId = null)
    {
        var builder = new XlsxBuilder();
        AddSheets(builder, string.IsNullOrWhiteSpace(editionId) ? Example : Example with { Edition = Example.Edition with { Id = editionId } });
        var help = builder.AddSheet(Help);
        help.Header("sheet", "column", "meaning", "allowed values");
        foreach (var line in HelpLines)
            help.Add(line.Select(XlsxCell.Of));
        return builder.Build();
    }

    /// <summary>
    /// Reads a workbook in the layout of <see cref="Write"/>. Every cell is checked and every error
    /// reported with its sheet, row and column; a workbook with any error yields no document.
    /// Blank rows are skipped, extra columns and sheets are ignored, header names ignore letter case.
    /// </summary>
    public static WorkbookReadResult Read(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        IReadOnlyDictionary<string, IReadOnlyList<SheetRow>> sheets;
        try
        {
            sheets = XlsxReader.Read(xlsx);
        }
        catch (InvalidDataException e)
        {
            return WorkbookReadResult.Failure([new WorkbookError("", 0, "", "FileUnreadable", e.Message)]);
        }
        return new EditionWorkbookReader(sheets).Read();
    }

    private static void AddSheets(XlsxBuilder builder, EditionDocument document)
    {
        var info = document.Edition;
        var edition = builder.AddSheet(Edition).Header(EditionColumns);
        edition.Add(KeyId, XlsxCell.Id(info.Id));
        edition.Add(KeyTitleZh, (info.Title?.Zh ?? ""));
        edition.Add(KeyTitleEn, (info.Title?.En ?? ""));
        edition.Add(KeyYear, XlsxCell.Of(info.Year));
        edition.Add(KeyAppealWindow, XlsxCell.Of(info.AppealWindowMinutes));
        edition.Add(KeyQualifyingScore, XlsxCell.Of(info.QualifyingScore));
        if (info.TimeZone is { Length: > 0 } timeZone)
            edition.Add(KeyTimeZone, timeZone);

        var schemes = builder.AddSheet(Schemes).Header(SchemeColumns);
        schemes.Choices[Array.IndexOf(SchemeColumns, "kind")] = EnumText.Allowed<CriterionKind>();
        foreach (var scheme in Items(document.MarkingSchemes))
            foreach (var module in Items(scheme.Modules))
                foreach (var criterion in Items(module.Criteria))
                    schemes.Add(
                        XlsxCell.Id(scheme.Id), XlsxCell.Id(module.Id), (module.Name?.Zh ?? ""), (module.Name?.En ?? ""), XlsxCell.Of(module.Weight),
                        XlsxCell.Id(criterion.Id), (criterion.Name?.Zh ?? ""), (criterion.Name?.En ?? ""), EnumText.Of(criterion.Kind),
                        XlsxCell.Of(criterion.Max), XlsxCell.Of(criterion.Step), XlsxCell.Of(criterion.Tolerance));

        var occupations = builder.AddSheet(Occupations).Header(OccupationColumns);
        occupations.Choices[Array.IndexOf(OccupationColumns, "mode")] = EnumText.Allowed<ContestMode>();
        foreach (var o in Items(document.Occupations))
            occupations.Add(XlsxCell.Id(o.Code), (o.Name?.Zh ?? ""), (o.Name?.En ?? ""), EnumText.Of(o.Mode), XlsxCell.Id(o.Scheme), o.NameSource);

        var contestants = builder.AddSheet(Contestants).Header(ContestantColumns);
        contestants.Choices[Array.IndexOf(ContestantColumns, "role")] = EnumText.Allowed<ContestantRole>();
        foreach (var c in Items(document.Contestants))
            contestants.Add(XlsxCell.Id(c.Id), c.Name, c.Employer, XlsxCell.Id(c.Occupation), EnumText.Of(c.Role));

        var judges = builder.AddSheet(Judges).Header(JudgeColumns);
        judges.Choices[Array.IndexOf(JudgeColumns, "role")] = EnumText.Allowed<JudgeRole>();
        foreach (var j in Items(document.Judges))
            judges.Add(XlsxCell.Id(j.Id), j.Name, XlsxCell.Id(j.Occupation), EnumText.Of(j.Role));

        var stages = builder.AddSheet(Stages).Header(StageColumns);
        stages.Choices[Array.IndexOf(StageColumns, "blind")] = BlindValues;
        foreach (var o in Items(document.Occupations))
            foreach (var stage in Items(o.Stages))
                stages.Add(
                    XlsxCell.Id(o.Code), XlsxCell.Id(stage.Id), (stage.Name?.Zh ?? ""), (stage.Name?.En ?? ""), XlsxCell.Id(stage.Scheme),
                    stage.Blind is { } blind ? (blind ? "true" : "false") : XlsxCell.Empty,
                    stage.Advance is { } advance ? XlsxCell.Of(advance) : XlsxCell.Empty,
                    XlsxCell.Of(stage.Weight), XlsxCell.Id(string.Join(' ', Items(stage.Panel))));
    }

    private static ImmutableArray<T> Items<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    private static readonly EditionDocument Example = new(
        new EditionInfo("2024", new LocalizedText("第三届北京大工匠挑战赛", "3rd Beijing Grand Craftsman Challenge"), 2024, 120, 60m) { TimeZone = EditionInfo.DefaultTimeZone },
        [new MarkingScheme("machining", [new MarkingModule("practical", new LocalizedText("现场实操（擂台）", "Live practical (arena)"), 1m,
            [new Criterion("P1", new LocalizedText("工艺与程序编制", "Process planning and programming"), CriterionKind.Judgement, 100m, 0.5m, 10m)])])],
        [new Occupation("cnc-machining", new LocalizedText("数控加工", "CNC machining"), ContestMode.Competition, "machining", null)],
        [new Contestant("C001", "张三", "示例机械厂", "cnc-machining", ContestantRole.Seed),
            new Contestant("C002", "王五", "示例汽车零部件公司", "cnc-machining", ContestantRole.Challenger)],
        // A complete panel (a chief and three marking judges), so the example passes the import's checks too.
        [new Judge("J001", "李四", "cnc-machining", JudgeRole.Chief), new Judge("J002", "赵六", "cnc-machining", JudgeRole.Judge),
            new Judge("J003", "钱七", "cnc-machining", JudgeRole.Judge), new Judge("J004", "孙八", "cnc-machining", JudgeRole.Judge)]);

    private static readonly string[][] HelpLines =
    [
        [Edition, "key / value", "One row per setting: id, title_zh, title_en, year, appealWindowMinutes (objection window in minutes), qualifyingScore (0–100), timeZone (optional, e.g. Asia/Shanghai).", ""],
        [Schemes, "scheme, module, criterion", "One row per criterion. The module columns are repeated on every row of the module; a scheme's module weights sum to 1.", ""],
        [Schemes, "kind", "measurement: entered by one judge, confirmed by another; judgement: marked by every panel judge.", "measurement, judgement"],
        [Schemes, "max, step, tolerance", "Numbers with a decimal point (0.5, not 0,5). step divides max; tolerance is required for judgement criteria.", ""],
        [Occupations, "mode", "competition: live arena plus expert review; review: expert review only.", "competition, review"],
        [Occupations, "scheme", "The id of a scheme in the sheet Schemes.", ""],
        [Occupations, "nameSource", "Optional note on where the occupation name comes from.", ""],
        [Contestants, "role", "seed: nominated master defending the title; challenger: open entrant.", "seed, challenger"],
        [Contestants, "occupation", "The code of an occupation in the sheet Occupations.", ""],
        [Judges, "role", "chief: one per occupation, does not mark; judge: a marking panel member (at least 3 per occupation).", "chief, judge"],
        [Stages, "(whole sheet)", "Optional. An occupation's stages, one row each in their order (e.g. selection, final, review); an occupation with no rows runs one round.", ""],
        [Stages, "occupation, stage", "The occupation's code and the stage's id (lower-case letters, digits, hyphens), unique within the occupation.", ""],
        [Stages, "scheme", "Blank: the occupation's scheme; otherwise the id of a scheme in the sheet Schemes.", ""],
        [Stages, "blind", "Whether judges and viewers see draw numbers only in this stage. Blank: not blind.", "true, false"],
        [Stages, "advance", "How many go on to the next stage (all tied at the cut-off go too); blank on the last stage.", "a whole number from 1"],
        [Stages, "weight", "The stage's share of the composite; an occupation's weights sum to 1 (a qualifying stage: 0).", "0 to 1"],
        [Stages, "panel", "Blank: the occupation's panel; otherwise judge ids of the sheet Judges, separated by spaces (one chief and at least 3 judges).", ""],
    ];
}
