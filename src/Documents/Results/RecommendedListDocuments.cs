using Craftsman.Contracts.Results;
using Craftsman.Documents.Formatting;
using Craftsman.Documents.Pdf;
using Craftsman.Documents.Spreadsheets;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Craftsman.Documents.Results;

/// <summary>
/// The edition's recommended list (建议名单) as PDF (A4, the result sheet's fonts and table) and
/// XLSX: one line per occupation with its candidate, employer, role, composite and arena outcome;
/// the public-notice window and, once confirmed, which names were confirmed.
/// </summary>
public static class RecommendedListDocuments
{
    private const double Body = 8;

    public static byte[] Xlsx(PublicNotice notice, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var builder = new XlsxBuilder();
        var sheet = builder.AddSheet("Recommended").Header(
            "工种代码 Occupation code", "工种 Occupation", "Occupation", "已定 Settled", "擂台结果 Arena", "推荐人选编号 Candidate ID",
            "推荐人选 Candidate", "单位 Employer", "身份 Role", "综合得分 Composite", "已命名 Named");
        foreach (var e in notice.List.Entries)
            sheet.Add(XlsxCell.Id(e.OccupationCode), e.OccupationName.Zh, e.OccupationName.En, e.Settled ? "yes" : "no",
                EnumText.Of(e.Outcome), XlsxCell.Id(e.ContestantId), e.Name, e.Employer, e.Role is { } role ? EnumText.Of(role) : null,
                XlsxCell.Score(e.Composite), Named(notice, e) ? "yes" : "no");
        var info = builder.AddSheet("Info");
        info.FreezeHeader = false;
        info.Add("届 Edition", notice.List.Edition.Title.Zh).Add("Edition", notice.List.Edition.Title.En)
            .Add(new XlsxCell[] { "合格分 Qualifying score", XlsxCell.Score(notice.List.Edition.QualifyingScore) })
            .Add("公示开始 Notice opens", Time(notice.Window?.Start, zone)).Add("公示结束 Notice closes", Time(notice.Window?.End, zone))
            .Add(new XlsxCell[] { "异议 Objections", XlsxCell.Of(notice.Objections) }).Add(new XlsxCell[] { "已处理 Resolved", XlsxCell.Of(notice.Resolved) })
            .Add("命名 Named at", Time(notice.Naming?.At, zone));
        return builder.Build();
    }

    /// <param name="compressContent">False writes the page content uncompressed (for tests and inspection).</param>
    public static byte[] Pdf(PublicNotice notice, TimeZoneInfo zone, bool compressContent = true)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ResultSheetPdf.EnsureFontResolver();
        lock (ResultSheetPdf.RenderGate)
        {
            using var document = new PdfDocument();
            document.Options.CompressContentStreams = compressContent;
            document.Info.Title = $"{notice.List.Edition.Title.Zh} 建议名单 / recommended list";
            document.Info.Author = "Craftsman";
            using (var w = new PageWriter(document))
            {
                var grey = new XSolidBrush(XColor.FromArgb(110, 110, 110));
                w.Line(notice.List.Edition.Title.Zh, 15, true, spacing: 1.3);
                w.Line(notice.List.Edition.Title.En, 9, false, grey);
                w.Y += 4;
                w.Line(notice.Naming is null ? "建议名单  Recommended list" : "命名名单  Names confirmed", 13, true, spacing: 1.3);
                w.Line($"合格分 Qualifying score {ScoreFormat.Mark(notice.List.Edition.QualifyingScore)} · " +
                       $"公示 Public notice {Time(notice.Window?.Start, zone) ?? "—"} – {Time(notice.Window?.End, zone) ?? "—"} · " +
                       $"异议 Objections {notice.Objections} (已处理 resolved {notice.Resolved})", Body);
                if (notice.Naming is { } naming)
                    w.Line($"命名确认 Names confirmed {Time(naming.At, zone)}", Body, true);
                w.Y += 6;
                var table = new PdfTable(w, [
                    new PdfColumn("工种", "Occupation", 120, Wrap: true),
                    new PdfColumn("推荐人选", "Candidate", 90, Wrap: true),
                    new PdfColumn("单位", "Employer", 130, Wrap: true),
                    new PdfColumn("身份", "Role", 55),
                    new PdfColumn("综合得分", "Composite", 50, XStringAlignment.Far),
                    new PdfColumn("擂台结果", "Arena", w.Width - 445, Wrap: true),
                ], Body);
                table.Header();
                var shaded = false;
                foreach (var e in notice.List.Entries)
                {
                    var named = notice.Naming is null || Named(notice, e);
                    var style = e.ContestantId is null || !named ? PdfCellStyle.Muted : PdfCellStyle.Normal;
                    table.Row([
                        new PdfCell($"{e.OccupationName.Zh} {e.OccupationName.En}", style),
                        new PdfCell(e.Name is null ? "—" : $"{e.Name} {e.ContestantId}", e.ContestantId is null ? PdfCellStyle.Muted : PdfCellStyle.Bold),
                        new PdfCell(e.Employer ?? "", style),
                        new PdfCell(e.Role is { } role ? ResultLabels.Role(role) : "", style),
                        new PdfCell(ScoreFormat.Display(e.Composite), style),
                        new PdfCell(e.Settled ? ResultLabels.Arena(e.Outcome) : "待定 pending", style),
                    ], shaded);
                    shaded = !shaded;
                }
                w.Footers((g, page, count, area) =>
                    PdfText.Draw(g, $"{notice.List.Edition.Title.Zh} · 建议名单 recommended list · {page}/{count}", 7, false, grey,
                        new XRect(area.X, area.Y, area.Width, 12), XStringAlignment.Near));
            }
            using var stream = new MemoryStream();
            document.Save(stream, false);
            return stream.ToArray();
        }
    }

    private static bool Named(PublicNotice notice, RecommendedEntry e) =>
        notice.Naming?.Named.Any(n => n.OccupationCode == e.OccupationCode) == true;

    private static string? Time(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null;
}
