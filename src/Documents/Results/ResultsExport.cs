using System.Globalization;
using System.Text;
using Craftsman.Contracts.Marking;
using Craftsman.Documents.Formatting;
using Craftsman.Documents.Spreadsheets;
using CsvHelper;

namespace Craftsman.Documents.Results;

/// <summary>
/// Results as spreadsheets: per occupation (ranking, every mark, the round's facts) and for the
/// whole edition (a summary and one ranking sheet per occupation), as XLSX and as CSV.
/// XLSX cells hold exact scores shown with two decimals; CSV fields show scores rounded half away
/// from zero to two places, with the exact composite in its own last column.
/// </summary>
public static class ResultsExport
{
    private const string CompositeExactHeader = "综合得分(精确) Composite (exact)";

    public static byte[] OccupationXlsx(ResultSheetData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var builder = new XlsxBuilder();
        AddRanking(builder.AddSheet("Ranking"), data);
        AddMarks(builder.AddSheet("Marks"), data);
        AddInfo(builder.AddSheet("Info"), data);
        return builder.Build();
    }

    public static byte[] EditionXlsx(IReadOnlyList<ResultSheetData> occupations)
    {
        ArgumentNullException.ThrowIfNull(occupations);
        var builder = new XlsxBuilder();
        var summary = builder.AddSheet("Summary").Header(
            "工种代码 Occupation code", "工种 Occupation", "Occupation", "方式 Mode", "阶段 Phase", "状态 Status", "版本 Version",
            "选手数 Contestants", "擂台结果 Arena", "推荐人选编号 Candidate ID", "推荐人选 Candidate", "推荐人选得分 Candidate composite",
            "裁判长签署 Signed off by", "签署时间 Signed off at", "账本头哈希 Ledger head (SHA-256)");
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary" };
        foreach (var data in occupations)
        {
            var candidate = data.Leaderboard.Arena.TitleCandidateId;
            var candidateStanding = candidate is null || data.Leaderboard.Standings.IsDefault
                ? null
                : data.Leaderboard.Standings.FirstOrDefault(s => s.ContestantId == candidate);
            summary.Add(
                XlsxCell.Id(data.Occupation.Code), (data.Occupation.Name?.Zh ?? ""), (data.Occupation.Name?.En ?? ""),
                EnumText.Of(data.Occupation.Mode), EnumText.Of(data.Phase), EnumText.Of(data.Status), XlsxCell.Of(data.Version),
                XlsxCell.Of(data.Lines.Count), EnumText.Of(data.Leaderboard.Arena.Outcome),
                XlsxCell.Id(candidate), candidate is null ? null : data.Contestant(candidate)?.Name ?? candidateStanding?.Name,
                XlsxCell.Score(candidateStanding?.Composite),
                data.SignedOffByName, data.Timestamp(data.SignedOffAt), data.LedgerHeadHash);
            AddRanking(builder.AddSheet(SheetName(data.Occupation.Code, used)), data);
        }
        return builder.Build();
    }

    public static string OccupationCsv(ResultSheetData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Csv([data], withOccupation: false);
    }

    public static string EditionCsv(IReadOnlyList<ResultSheetData> occupations)
    {
        ArgumentNullException.ThrowIfNull(occupations);
        return Csv(occupations, withOccupation: true);
    }

    /// <summary>The CSV text as bytes for a download: UTF-8 with a byte-order mark, so Excel shows the Chinese.</summary>
    public static byte[] Utf8WithBom(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    private static string Csv(IReadOnlyList<ResultSheetData> occupations, bool withOccupation)
    {
        var modules = RankingTable.Modules(occupations);
        // RFC 4180 (CRLF, quotes when needed); a name starting with = + - @ is escaped so a spreadsheet never runs it.
        var options = new CsvWriterOptions { NewLine = "\r\n", Injection = CsvInjection.Escape };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            foreach (var header in RankingTable.Headers(modules, withOccupation).Append(CompositeExactHeader))
                csv.WriteField(header);
            csv.EndRecord();
            foreach (var data in occupations)
            {
                var composites = data.Lines.Select(l => l.Standing?.Composite).ToList();
                var index = 0;
                foreach (var row in RankingTable.Rows(data, modules, withOccupation))
                {
                    foreach (var cell in row)
                        csv.WriteField(cell.Style == XlsxStyle.Score ? ScoreFormat.Display(cell.Number) : cell.DisplayText);
                    csv.WriteField(ScoreFormat.Exact(composites[index++]));
                    csv.EndRecord();
                }
            }
        }
        return text.ToString();
    }

    private static void AddRanking(XlsxSheet sheet, ResultSheetData data)
    {
        var modules = RankingTable.Modules([data]);
        sheet.Header([.. RankingTable.Headers(modules, withOccupation: false)]);
        foreach (var row in RankingTable.Rows(data, modules, withOccupation: false))
            sheet.Add(row);
    }

    /// <summary>Every criterion of every contestant: each judge's mark (dropped marks struck through), the aggregate and its state.</summary>
    private static void AddMarks(XlsxSheet sheet, ResultSheetData data)
    {
        var judges = data.MarkingJudgeIds;
        sheet.Header([
            "编号 ID", "姓名 Name", "模块 Module", "评分项 Criterion", "评分项名称 Criterion name", "类型 Kind", "满分 Max",
            .. judges.Select(j => $"{data.JudgeName(j)} {j}"),
            "得分 Score", "最终 Final", "标记 Flag", "分差 Spread", "去掉的评分 Dropped (judges)", "裁判长确认理由 Chief judge's reason"]);
        foreach (var (standing, contestant) in data.Lines)
        {
            var id = standing?.ContestantId ?? contestant!.Id;
            var name = contestant?.Name ?? standing?.Name;
            var scoresheet = contestant?.Scoresheet;
            foreach (var module in data.Scheme.Modules)
            {
                foreach (var criterion in module.Criteria)
                {
                    var aggregate = scoresheet is { Criteria.IsDefault: false } ? scoresheet.Criteria.FirstOrDefault(a => a.CriterionId == criterion.Id) : null;
                    var dropped = aggregate is { DroppedJudgeIds.IsDefault: false } ? aggregate.DroppedJudgeIds : [];
                    var cells = new List<XlsxCell>
                    {
                        XlsxCell.Id(id), name, XlsxCell.Id(module.Id), XlsxCell.Id(criterion.Id),
                        $"{(criterion.Name?.Zh ?? "")} {(criterion.Name?.En ?? "")}", EnumText.Of(criterion.Kind), XlsxCell.Of(criterion.Max),
                    };
                    foreach (var judge in judges)
                    {
                        var mark = scoresheet is { Marks.IsDefault: false }
                            ? scoresheet.Marks.FirstOrDefault(m => m.JudgeId == judge && m.CriterionId == criterion.Id)
                            : null;
                        cells.Add(mark is null ? XlsxCell.Empty : dropped.Contains(judge) ? XlsxCell.DroppedScore(mark.Value) : XlsxCell.Of(mark.Value));
                    }
                    cells.Add(XlsxCell.Score(aggregate?.Value));
                    // A flag the chief judge confirmed is resolved: the aggregate stands, with the reason beside it.
                    var reason = aggregate is { Flag: not CriterionFlag.None } ? data.ConfirmedReason(id, criterion.Id) : null;
                    cells.Add(aggregate is null ? "" : aggregate.IsFinal ? "yes" : reason is not null ? "confirmed" : "no");
                    cells.Add(aggregate is null || aggregate.Flag == CriterionFlag.None ? "" : reason is not null ? $"{EnumText.Of(aggregate.Flag)} (confirmed)" : EnumText.Of(aggregate.Flag));
                    cells.Add(XlsxCell.Of(aggregate?.Spread));
                    cells.Add(string.Join(" ", dropped));
                    cells.Add(reason ?? "");
                    sheet.Add(cells);
                }
            }
        }
    }

    private static void AddInfo(XlsxSheet sheet, ResultSheetData data)
    {
        var candidate = data.Leaderboard.Arena.TitleCandidateId;
        sheet.Header("项目 Item", "内容 Value");
        sheet.Add("届 Edition", XlsxCell.Id(data.Edition.Id));
        sheet.Add("届名称 Edition title", $"{(data.Edition.Title?.Zh ?? "")} {(data.Edition.Title?.En ?? "")}");
        sheet.Add("工种代码 Occupation code", XlsxCell.Id(data.Occupation.Code));
        sheet.Add("工种 Occupation", $"{(data.Occupation.Name?.Zh ?? "")} {(data.Occupation.Name?.En ?? "")}");
        sheet.Add("方式 Mode", EnumText.Of(data.Occupation.Mode));
        sheet.Add("评分方案 Scheme", XlsxCell.Id(data.Scheme.Id));
        sheet.Add("阶段 Phase", EnumText.Of(data.Phase));
        sheet.Add("状态 Status", EnumText.Of(data.Status));
        sheet.Add("版本 Version", XlsxCell.Of(data.Version));
        sheet.Add("更新时间 Updated at", data.Timestamp(data.Leaderboard.UpdatedAt));
        sheet.Add("时区 Time zone", data.Edition.TimeZoneOrDefault);
        sheet.Add("擂台结果 Arena", EnumText.Of(data.Leaderboard.Arena.Outcome));
        sheet.Add("推荐人选 Title candidate", candidate is null ? "" : $"{data.Contestant(candidate)?.Name} {candidate}".Trim());
        sheet.Add("合格分 Qualifying score", XlsxCell.Of(data.Edition.QualifyingScore));
        sheet.Add("裁判长签署 Signed off by", data.SignedOffBy is null ? "" : $"{data.SignedOffByName} {data.SignedOffBy}".Trim());
        sheet.Add("签署时间 Signed off at", data.Timestamp(data.SignedOffAt));
        sheet.Add("账本头哈希 Ledger head (SHA-256)", data.LedgerHeadHash);
    }

    /// <summary>The moment in the given time zone (UTC when the zone is unknown here), with its offset.</summary>
    internal static string Timestamp(DateTimeOffset? at, string timeZone) =>
        at is not { } moment ? ""
        : (TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(moment, zone) : moment.ToUniversalTime())
            .ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>A worksheet name from an occupation code: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.</summary>
    private static string SheetName(string code, HashSet<string> used)
    {
        var clean = new string([.. code.Select(ch => ":\\/?*[]'".Contains(ch) ? '_' : ch)]).Trim();
        if (clean.Length == 0)
            clean = "occupation";
        if (clean.Length > 31)
            clean = clean[..31];
        var name = clean;
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = $"~{n}";
            name = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }
        return name;
    }
}
