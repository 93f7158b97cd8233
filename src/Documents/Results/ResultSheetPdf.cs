using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Documents.Formatting;
using Craftsman.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Craftsman.Documents.Results;

/// <summary>
/// The printable result sheet of one occupation (A4 portrait, PDFsharp): title and status, the
/// ranking, then per contestant every criterion with each judge's mark (dropped marks bracketed,
/// grey and struck through), the aggregate and its state; the chief judge's sign-off; on every page
/// a footer with the sign-off, the ledger's head hash and the page number. Chinese needs a CJK
/// TrueType font and a Latin one: see <see cref="PdfFontResolver"/>.
/// </summary>
public static class ResultSheetPdf
{
    private const double Body = 8;
    private static readonly object FontGate = new();
    internal static readonly object RenderGate = new();
    private static readonly XColor Grey = XColor.FromArgb(110, 110, 110);
    private static readonly XColor Red = XColor.FromArgb(176, 32, 32);
    private static readonly XColor SectionFill = XColor.FromArgb(223, 233, 245);

    /// <param name="compressContent">False writes the page content uncompressed (for tests and inspection).</param>
    /// <exception cref="PdfFontNotFoundException">A font is not installed; the message names the Debian package.</exception>
    public static byte[] Render(ResultSheetData data, bool compressContent = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        EnsureFontResolver();
        // PDFsharp's font caches are process-wide; result sheets are printed rarely, so one at a time is cheap insurance.
        lock (RenderGate)
            return RenderDocument(data, compressContent);
    }

    private static byte[] RenderDocument(ResultSheetData data, bool compressContent)
    {

        using var document = new PdfDocument();
        document.Options.CompressContentStreams = compressContent;
        document.Info.Title = $"{(data.Edition.Title?.Zh ?? "")} {(data.Occupation.Name?.Zh ?? "")} 成绩单 / {(data.Occupation.Name?.En ?? "")} results";
        document.Info.Author = "Craftsman";
        document.Info.Subject = $"{data.Occupation.Code} version {data.Version}";
        document.Info.CreationDate = data.Leaderboard.UpdatedAt.UtcDateTime;

        using (var writer = new PageWriter(document))
        {
            Title(writer, data);
            Ranking(writer, data);
            Legend(writer);
            foreach (var (standing, contestant) in data.Lines)
                Breakdown(writer, data, standing, contestant);
            SignOff(writer, data);
            writer.Footers((g, page, count, area) => Footer(g, data, page, count, area));
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Installs <see cref="PdfFontResolver"/> as PDFsharp's (process-wide) font resolver once.</summary>
    internal static void EnsureFontResolver()
    {
        lock (FontGate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case PdfFontResolver:
                    return;
                case null:
                    GlobalFontSettings.FontResolver = new PdfFontResolver();
                    return;
                case var other:
                    throw new InvalidOperationException(
                        $"PDFsharp already uses the font resolver {other.GetType().FullName}. Install " +
                        $"new {nameof(PdfFontResolver)}(inner: that resolver) as GlobalFontSettings.FontResolver at start-up instead, " +
                        "so the result sheet finds its Chinese font.");
            }
        }
    }

    private static void Title(PageWriter w, ResultSheetData data)
    {
        var grey = new XSolidBrush(Grey);
        w.Line((data.Edition.Title?.Zh ?? ""), 15, true, spacing: 1.3);
        w.Line((data.Edition.Title?.En ?? ""), 9, false, grey);
        w.Y += 4;
        w.Line($"{(data.Occupation.Name?.Zh ?? "")}  成绩单", 13, true, spacing: 1.3);
        w.Line($"{(data.Occupation.Name?.En ?? "")} · results · {data.Occupation.Code} · {ResultLabels.Mode(data.Occupation.Mode)}", 9, false, grey);
        w.Y += 5;

        var (zh, en, note) = ResultLabels.Status(data.Status);
        var badgeFill = data.Status switch
        {
            ResultStatus.Provisional => XColor.FromArgb(214, 120, 0),
            ResultStatus.SignedOff => XColor.FromArgb(31, 94, 168),
            _ => XColor.FromArgb(30, 128, 60),
        };
        var badge = $"{zh} {en}";
        var badgeWidth = w.Measure(badge, 11, bold: true) + 16;
        w.Graphics.DrawRectangle(new XSolidBrush(badgeFill), w.Left, w.Y, badgeWidth, 20);
        w.Text(badge, w.Left, w.Y, badgeWidth, 20, 11, true, XBrushes.White, XStringAlignment.Center);
        w.Text(note, w.Left + badgeWidth + 8, w.Y, w.Width - badgeWidth - 8, 20, Body, false, XBrushes.Black);
        w.Y += 26;

        w.Line($"阶段 Phase: {ResultLabels.Phase(data.Phase)} · 版本 Version {data.Version} · 更新 Updated {data.Timestamp(data.Leaderboard.UpdatedAt)} · " +
               $"合格分 Qualifying score {ScoreFormat.Mark(data.Edition.QualifyingScore)}", Body, false);
        var candidate = data.Leaderboard.Arena.TitleCandidateId;
        var candidateText = candidate is null
            ? "推荐人选 Title candidate: —"
            : $"推荐人选 Title candidate: {data.Contestant(candidate)?.Name} {candidate} ({ScoreFormat.Display(StandingOf(data, candidate)?.Composite)})";
        w.Line($"擂台结果 Arena: {ResultLabels.Arena(data.Leaderboard.Arena.Outcome)} · {candidateText}", Body, false);
        w.Y += 6;
    }

    private static void Ranking(PageWriter w, ResultSheetData data)
    {
        w.EnsureSpace(60);
        w.Line("排名 Ranking", 11, true);
        var modules = data.Scheme.Modules.IsDefault ? [] : data.Scheme.Modules;
        // Module columns share what is left after the fixed ones, never below a readable width; names
        // and employers keep at least a third of the row each way and wrap onto more lines.
        const double rankWidth = 28, drawWidth = 34, roleWidth = 64, compositeWidth = 52;
        var moduleWidth = modules.Length == 0 ? 0 : Math.Clamp((w.Width - rankWidth - drawWidth - roleWidth - compositeWidth - 200) / modules.Length, 42, 70);
        var textWidth = w.Width - rankWidth - drawWidth - roleWidth - compositeWidth - moduleWidth * modules.Length;
        var nameWidth = Math.Round(textWidth * 0.45);
        var employerWidth = textWidth - nameWidth;
        var columns = new List<PdfColumn>
        {
            new("名次", "Rank", rankWidth, XStringAlignment.Center),
            new("抽签号", "Draw", drawWidth, XStringAlignment.Center),
            new("选手", "Contestant", nameWidth, Wrap: true),
            new("单位", "Employer", employerWidth, Wrap: true),
            new("身份", "Role", roleWidth, Wrap: true),
        };
        columns.AddRange(modules.Select(m => new PdfColumn((m.Name?.Zh ?? ""), $"{(m.Name?.En ?? "")} ×{ScoreFormat.Mark(m.Weight)}", moduleWidth, XStringAlignment.Far)));
        columns.Add(new PdfColumn("综合得分", "Composite", compositeWidth, XStringAlignment.Far));

        var table = new PdfTable(w, columns, Body);
        table.Header();
        var index = 0;
        foreach (var (standing, contestant) in data.Lines)
        {
            var id = standing?.ContestantId ?? contestant!.Id;
            var isCandidate = data.Leaderboard.Arena.TitleCandidateId == id;
            var style = isCandidate ? PdfCellStyle.Bold : PdfCellStyle.Normal;
            var cells = new List<PdfCell>
            {
                new(standing?.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—", style),
                new(contestant?.DrawNumber ?? "—", style),
                new($"{contestant?.Name ?? standing?.Name} {id}", style),
                new(contestant?.Employer ?? "", style),
                new(ResultLabels.Role(standing?.Role ?? contestant!.Role), style),
            };
            foreach (var module in modules)
            {
                var moduleScore = standing is { Modules.IsDefault: false } ? standing.Modules.FirstOrDefault(m => m.ModuleId == module.Id) : null;
                cells.Add(new(ScoreFormat.Display(moduleScore?.Score), style));
            }
            cells.Add(new(ScoreFormat.Display(standing?.Composite), PdfCellStyle.Bold));
            table.Row(cells, shaded: index++ % 2 == 1);
        }
        w.Y += 4;
        w.Line("粗体为推荐人选 · bold: recommended title candidate", 7, false, new XSolidBrush(Grey));
    }

    private static void Legend(PageWriter w)
    {
        w.EnsureSpace(34);
        w.Y += 2;
        const double font = 7.5;
        var g = w.Graphics;
        var sample = "[17.5]";
        var sampleWidth = w.Measure(sample, font);
        const double lineHeight = 11;
        w.Text(sample, w.Left, w.Y, sampleWidth + 2, lineHeight, font, false, new XSolidBrush(Grey));
        g.DrawLine(new XPen(XColors.Black, 0.7), w.Left - 0.5, w.Y + lineHeight / 2, w.Left + sampleWidth + 0.5, w.Y + lineHeight / 2);
        w.Paragraph("方括号加删除线：去掉的最高分或最低分，不计入得分（5 名及以上裁判时） · bracketed and struck through: a dropped highest or lowest mark (with 5 or more marks), not counted in the score",
            font, indent: sampleWidth + 6, spacing: lineHeight / font);
        w.Paragraph("状态 State: 最终 final = 得分已定 · 暂定 pending = 评分未完成 · 分差超限 spread = 评分分差超过允许值 · 测量不一致 mismatch = 复核裁判测量值不同；" +
            "红色须由裁判长处理 · red: to be resolved by the chief judge",
            font, spacing: lineHeight / font);
        w.Y += 6;
    }

    private static void Breakdown(PageWriter w, ResultSheetData data, Standing? standing, ResultContestant? contestant)
    {
        var modules = data.Scheme.Modules.IsDefault ? [] : data.Scheme.Modules;
        var judges = data.MarkingJudgeIds;
        const double criterion = 112, kind = 46, max = 28, score = 40, state = 80;
        var judgeWidth = judges.Count == 0 ? 0 : (w.Width - criterion - kind - max - score - state) / judges.Count;
        var columns = new List<PdfColumn>
        {
            new("评分项", "Criterion", criterion, Wrap: true),
            new("类型", "Kind", kind),
            new("满分", "Max", max, XStringAlignment.Far),
        };
        columns.AddRange(judges.Select(j => new PdfColumn(data.JudgeName(j), j, judgeWidth, XStringAlignment.Center)));
        columns.Add(new PdfColumn("得分", "Score", score, XStringAlignment.Far));
        columns.Add(new PdfColumn("状态", "State", state));

        var table = new PdfTable(w, columns, 7.5);
        var rows = modules.Sum(m => (m.Criteria.IsDefault ? 0 : m.Criteria.Length) + 1);
        const double headingHeight = 20;
        var sectionHeight = headingHeight + table.Height(rows) + 10;
        if (w.FitsOnOnePage(sectionHeight))
            w.EnsureSpace(sectionHeight);
        else
            w.EnsureSpace(headingHeight + table.Height(2));

        var id = standing?.ContestantId ?? contestant!.Id;
        var g = w.Graphics;
        g.DrawRectangle(new XSolidBrush(SectionFill), w.Left, w.Y, w.Width, headingHeight - 3);
        var rank = standing is null ? "—" : standing.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var draw = contestant?.DrawNumber is { } number ? $" · 抽签号 Draw {number}" : "";
        var heading = $"{rank}. {contestant?.Name ?? standing?.Name} {id}{draw} · {contestant?.Employer} · {ResultLabels.Role(standing?.Role ?? contestant!.Role)}";
        var composite = $"综合得分 Composite {ScoreFormat.Display(standing?.Composite ?? contestant?.Scoresheet?.Composite)}";
        var compositeWidth = w.Measure(composite, 9, bold: true) + 8;
        w.Text(heading, w.Left + 4, w.Y, w.Width - compositeWidth - 8, headingHeight - 3, 9, true, XBrushes.Black);
        w.Text(composite, w.Left + w.Width - compositeWidth - 4, w.Y, compositeWidth, headingHeight - 3, 9, true, XBrushes.Black, XStringAlignment.Far);
        w.Y += headingHeight;

        var sheet = contestant?.Scoresheet;
        var reasons = new List<string>();
        table.Header();
        foreach (var module in modules)
        {
            foreach (var c in module.Criteria.IsDefault ? [] : module.Criteria)
            {
                var aggregate = sheet is { Criteria.IsDefault: false } ? sheet.Criteria.FirstOrDefault(a => a.CriterionId == c.Id) : null;
                var dropped = aggregate is { DroppedJudgeIds.IsDefault: false } ? aggregate.DroppedJudgeIds : [];
                var cells = new List<PdfCell> { $"{c.Id} {(c.Name?.Zh ?? "")}", ResultLabels.Kind(c.Kind), ScoreFormat.Mark(c.Max) };
                foreach (var judge in judges)
                {
                    var mark = sheet is { Marks.IsDefault: false } ? sheet.Marks.FirstOrDefault(m => m.JudgeId == judge && m.CriterionId == c.Id) : null;
                    cells.Add(mark is null ? new PdfCell("", PdfCellStyle.Muted)
                        : dropped.Contains(judge) ? new PdfCell($"[{ScoreFormat.Mark(mark.Value)}]", PdfCellStyle.Dropped)
                        : new PdfCell(ScoreFormat.Mark(mark.Value)));
                }
                cells.Add(new PdfCell(ScoreFormat.Display(aggregate?.Value), PdfCellStyle.Bold));
                var reason = aggregate is { Flag: not CriterionFlag.None } ? data.ConfirmedReason(id, c.Id) : null;
                var (text, isProblem) = ResultLabels.State(aggregate, reason is not null);
                if (reason is not null)
                {
                    reasons.Add($"{c.Id}: {reason}");
                    text += $" *{reasons.Count}";
                }
                cells.Add(new PdfCell(text, isProblem ? PdfCellStyle.Warning : PdfCellStyle.Normal));
                table.Row(cells);
            }
            var moduleScore = sheet is { Modules.IsDefault: false } ? sheet.Modules.FirstOrDefault(m => m.ModuleId == module.Id)
                : standing is { Modules.IsDefault: false } ? standing.Modules.FirstOrDefault(m => m.ModuleId == module.Id) : null;
            var subtotal = new List<PdfCell>
            {
                new($"{(module.Name?.Zh ?? "")} 小计 subtotal", PdfCellStyle.Bold),
                "",
                new(ScoreFormat.Mark(module.Max), PdfCellStyle.Bold),
            };
            subtotal.AddRange(judges.Select(_ => new PdfCell("")));
            subtotal.Add(new PdfCell(ScoreFormat.Display(moduleScore?.Score), PdfCellStyle.Bold));
            subtotal.Add(new PdfCell($"权重 ×{ScoreFormat.Mark(module.Weight)}", PdfCellStyle.Muted));
            table.Row(subtotal, shaded: true);
        }
        for (var i = 0; i < reasons.Count; i++)
            w.Paragraph($"*{i + 1} 裁判长确认理由 Chief judge's reason for {reasons[i]}", 7.5);
        w.Y += 10;
    }

    private static void SignOff(PageWriter w, ResultSheetData data)
    {
        w.EnsureSpace(150);
        w.Y += 4;
        w.Line("裁判长签署 Chief judge sign-off", 11, true);
        if (data.SignedOffBy is null)
        {
            w.Paragraph("尚未签署：成绩为临时结果 · not signed off yet: the results are provisional", 9, true, new XSolidBrush(Red));
        }
        else
        {
            w.Paragraph($"已签署 Signed off: {data.SignedOffByName} ({data.SignedOffBy}) · {data.Timestamp(data.SignedOffAt)}", 9, true);
        }

        var panel = (data.Panel.IsDefault ? [] : data.Panel)
            .OrderBy(j => j.Role == JudgeRole.Chief ? 0 : 1)
            .Select(j => $"{j.Name} {j.Id}" + (j.Role == JudgeRole.Chief ? " (裁判长 chief)" : ""))
            .ToList();
        var line = "评判组 Panel: ";
        foreach (var item in panel)
        {
            var candidate = line.EndsWith(": ", StringComparison.Ordinal) ? line + item : $"{line} · {item}";
            if (w.Measure(candidate, Body) > w.Width)
            {
                w.Line(line, Body);
                candidate = "    " + item;
            }
            line = candidate;
        }
        w.Line(line, Body);
        w.Y += 16;
        w.Line("签字 Signature: ______________________________      日期 Date: ____________________", 9, false);
        w.Y += 4;
        // The head beside its QR code: scanned or typed into `craftsman-verify LEDGER --expect-head HASH`,
        // it tells whether an exported ledger is the whole one this sheet was printed from.
        const double qr = 76;
        w.EnsureSpace(qr + 4);
        var top = w.Y;
        PdfQrCode.Draw(w.Graphics, data.LedgerHeadHash, w.Left, top, qr);
        var textLeft = w.Left + qr + 8;
        var textWidth = w.Width - qr - 8;
        w.Text("账本头哈希 (SHA-256) Ledger head hash", textLeft, top + 6, textWidth, 11, 8, true, XBrushes.Black);
        w.Text(data.LedgerHeadHash, textLeft, top + 20, textWidth, 11, 8, false, XBrushes.Black);
        w.Text("用导出的账本核验 · check an exported ledger against it:", textLeft, top + 36, textWidth, 10, 7.5, false, new XSolidBrush(Grey));
        w.Text("craftsman-verify ledger.jsonl --expect-head <hash>", textLeft, top + 48, textWidth, 10, 7.5, false, new XSolidBrush(Grey));
        w.Y = top + qr + 4;
    }

    private static void Footer(XGraphics g, ResultSheetData data, int page, int count, XRect area)
    {
        const double font = 7;
        var grey = new XSolidBrush(Grey);
        const double lineHeight = 10;
        g.DrawLine(new XPen(XColor.FromArgb(160, 160, 160), 0.5), area.Left, area.Top - 3, area.Right, area.Top - 3);

        var (zh, en, _) = ResultLabels.Status(data.Status);
        var pageText = $"第 {page} / {count} 页 · Page {page} of {count}";
        var pageWidth = PdfText.Measure(g, pageText, font, false);
        PdfText.Draw(g, pageText, font, false, XBrushes.Black, new XRect(area.Right - pageWidth, area.Top, pageWidth, lineHeight));
        var title = $"{(data.Edition.Title?.Zh ?? "")} · {(data.Occupation.Name?.Zh ?? "")} {data.Occupation.Code} · 版本 Version {data.Version} · {zh} {en}";
        PdfText.Draw(g, PdfText.Fit(g, title, font, false, area.Width - pageWidth - 10), font, false, grey, new XRect(area.Left, area.Top, area.Width - pageWidth - 10, lineHeight));

        var signOff = data.SignedOffBy is null
            ? "裁判长签署 Chief judge sign-off: 未签署 not signed off"
            : $"裁判长签署 Chief judge sign-off: {data.SignedOffByName} ({data.SignedOffBy}) · {data.Timestamp(data.SignedOffAt)}";
        PdfText.Draw(g, signOff, font, data.SignedOffBy is null, data.SignedOffBy is null ? new XSolidBrush(Red) : XBrushes.Black,
            new XRect(area.Left, area.Top + lineHeight, area.Width, lineHeight));

        // The hash is an ASCII run in the Latin font, so it stays plain, searchable text in the page content.
        PdfText.Draw(g, $"账本头哈希 Ledger head SHA-256: {data.LedgerHeadHash}", font, false, XBrushes.Black,
            new XRect(area.Left, area.Top + 2 * lineHeight, area.Width, lineHeight));
    }

    private static Standing? StandingOf(ResultSheetData data, string contestantId) =>
        data.Leaderboard.Standings.IsDefault ? null : data.Leaderboard.Standings.FirstOrDefault(s => s.ContestantId == contestantId);
}
