using Craftsman.Contracts.Editions;
using Craftsman.Documents.Formatting;
using Craftsman.Documents.Spreadsheets;

namespace Craftsman.Documents.Results;

/// <summary>
/// The ranking table shared by the XLSX and CSV exports: one definition of the columns, so both
/// formats always agree. Cells carry exact numbers; the CSV shows scores rounded to 2 places.
/// </summary>
internal static class RankingTable
{
    public static IReadOnlyList<(string Id, LocalizedText Name)> Modules(IEnumerable<ResultSheetData> sheets)
    {
        var modules = new List<(string Id, LocalizedText Name)>();
        foreach (var module in sheets.SelectMany(s => s.Scheme.Modules.IsDefault ? [] : s.Scheme.Modules))
            if (!modules.Any(m => m.Id == module.Id))
                modules.Add((module.Id, module.Name));
        return modules;
    }

    public static List<string> Headers(IReadOnlyList<(string Id, LocalizedText Name)> modules, bool withOccupation)
    {
        var headers = new List<string>();
        if (withOccupation)
            headers.AddRange(["工种代码 Occupation code", "工种 Occupation", "Occupation"]);
        headers.AddRange(["名次 Rank", "编号 ID", "抽签号 Draw no.", "姓名 Name", "单位 Employer", "身份 Role"]);
        headers.AddRange(modules.Select(m => $"{(m.Name?.Zh ?? "")} {(m.Name?.En ?? "")}"));
        headers.AddRange(["综合得分 Composite", "状态 Status", "评分数 Marks", "待处理标记 Open flags", "推荐人选 Title candidate"]);
        return headers;
    }

    public static IEnumerable<List<XlsxCell>> Rows(ResultSheetData data, IReadOnlyList<(string Id, LocalizedText Name)> modules, bool withOccupation)
    {
        foreach (var (standing, contestant) in data.Lines)
        {
            var cells = new List<XlsxCell>();
            if (withOccupation)
                cells.AddRange([XlsxCell.Id(data.Occupation.Code), (data.Occupation.Name?.Zh ?? ""), (data.Occupation.Name?.En ?? "")]);
            var id = standing?.ContestantId ?? contestant!.Id;
            cells.Add(standing is null ? XlsxCell.Empty : XlsxCell.Of(standing.Rank));
            cells.Add(XlsxCell.Id(id));
            cells.Add(XlsxCell.Id(contestant?.DrawNumber));
            cells.Add(contestant?.Name ?? standing?.Name);
            cells.Add(contestant?.Employer);
            cells.Add(EnumText.Of(standing?.Role ?? contestant!.Role));
            foreach (var module in modules)
            {
                var score = standing is { Modules.IsDefault: false } ? standing.Modules.FirstOrDefault(m => m.ModuleId == module.Id) : null;
                cells.Add(XlsxCell.Score(score?.Score));
            }
            cells.Add(XlsxCell.Score(standing?.Composite));
            cells.Add(EnumText.Of(data.Status));
            cells.Add(standing is null ? XlsxCell.Empty : XlsxCell.Of(standing.MarkCount));
            cells.Add(standing is { HasOpenFlags: true } ? "yes" : "");
            cells.Add(data.Leaderboard.Arena.TitleCandidateId == id ? "yes" : "");
            yield return cells;
        }
    }
}
