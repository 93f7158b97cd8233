using System.Text.Json;
using Craftsman.Failover.Api;

namespace Craftsman.Failover.Marking;

/// <summary>
/// Checks every acknowledged mark against the contestants' scoresheets (GET …/contestants/{id}/scoresheet).
/// A scoresheet keeps each judge's current mark per criterion (with the key that set it) and every
/// correction (with its key and the value it replaced), so per judge, contestant and criterion:
/// a later mark of this run must be the current mark or a correction with its key and value; the
/// slot's first mark of this run, once corrected, survives as the value the first of this run's
/// corrections replaced. Keys seen twice in the corrections would be double counting.
/// </summary>
public sealed class MarkAudit(GatewayApi api, string organiserToken)
{
    public async Task<AuditResult> AuditAsync(IReadOnlyList<MarkRecord> marks, CancellationToken cancel)
    {
        var result = new AuditResult
        {
            Entered = marks.Count,
            Acknowledged = marks.Count(m => m.Acknowledged),
            Rejected = [.. marks.Where(m => m.Rejection is not null)],
            Unresolved = [.. marks.Where(m => m.Unresolved)],
        };
        foreach (var byContestant in marks.GroupBy(m => m.ContestantId))
        {
            var sheet = await api.RetryAsync($"scoresheet of {byContestant.Key}", HttpMethod.Get,
                $"{api.EditionPath}/contestants/{Uri.EscapeDataString(byContestant.Key)}/scoresheet", organiserToken, null,
                TimeSpan.FromSeconds(90), cancel);
            Check(sheet, byContestant, result);
        }
        return result;
    }

    private static void Check(JsonElement sheet, IEnumerable<MarkRecord> marks, AuditResult result)
    {
        var current = sheet.Items("marks").ToList();
        var corrections = sheet.Items("corrections").ToList();
        foreach (var duplicate in corrections.GroupBy(c => c.String("idempotencyKey")).Where(g => g.Key is not null && g.Count() > 1))
            result.Duplicates.Add($"{sheet.String("contestantId")}: correction key {duplicate.Key} appears {duplicate.Count()} times");

        foreach (var slot in marks.GroupBy(m => m.Slot))
        {
            var (judge, _, criterion) = slot.Key;
            var ours = slot.OrderBy(m => m.SlotOrder).ToList();
            var ourKeys = ours.Select(m => m.Key).ToHashSet();
            var mark = current.FirstOrDefault(m => m.String("judgeId") == judge && m.String("criterionId") == criterion);
            var slotCorrections = corrections.Where(c => c.String("judgeId") == judge && c.String("criterionId") == criterion).ToList();
            var firstOfOurs = slotCorrections.FindIndex(c => ourKeys.Contains(c.String("idempotencyKey") ?? ""));

            foreach (var m in ours.Where(m => m.Acknowledged))
            {
                string? problem;
                if (mark.ValueKind == JsonValueKind.Object && mark.String("idempotencyKey") == m.Key)
                    problem = mark.Decimal("value") == m.Value ? null : $"current mark has value {mark.Decimal("value")}, acknowledged {m.Value}";
                else if (slotCorrections.FirstOrDefault(c => c.String("idempotencyKey") == m.Key) is { ValueKind: JsonValueKind.Object } correction)
                    problem = correction.Decimal("newValue") == m.Value ? null : $"correction has value {correction.Decimal("newValue")}, acknowledged {m.Value}";
                else if (m == ours[0] && firstOfOurs >= 0)
                    problem = slotCorrections[firstOfOurs].Decimal("previousValue") == m.Value
                        ? null
                        : $"first correction of this run replaced {slotCorrections[firstOfOurs].Decimal("previousValue")}, not this mark's {m.Value}";
                else
                    problem = mark.ValueKind == JsonValueKind.Object
                        ? $"not in the scoresheet (current mark {mark.String("idempotencyKey")}, {slotCorrections.Count} corrections)"
                        : "not in the scoresheet (no mark of this judge for this criterion)";

                if (problem is null)
                    result.Found++;
                else
                    result.Missing.Add((m, problem));
            }
        }
    }
}
