using System.Text.Json;

namespace Craftsman.Load;

/// <summary>
/// Readies the product run: signs the organiser in, picks occupations with contestants, judgement
/// criteria and panel judges, opens their rounds (CheckIn, then Live), issues access codes and
/// signs the judges in.
/// </summary>
public static class ProductPreparation
{
    public static async Task<ContestPlan> PrepareAsync(LoadOptions o, GatewayApi api, CancellationToken cancel)
    {
        if (o.OrganiserPassword is null && o.Judges > 0)
            throw new ArgumentException("Judges need --organiser-password (or CRAFTSMAN_ORGANISER_PASSWORD) to issue access codes and open the rounds; or run with --judges 0.");
        var organiser = o.OrganiserPassword is { } password ? await api.SignInOrganiserAsync(password, cancel) : null;

        var plans = new List<OccupationPlan>();
        var panels = new Dictionary<string, int>();
        foreach (var code in await api.OccupationCodesAsync(o.Edition, organiser, cancel))
        {
            if (plans.Count == o.Occupations)
                break;
            var definition = await api.DefinitionAsync(o.Edition, code, organiser, cancel);
            var (plan, judges) = Read(code, definition);
            if (o.Judges > 0 && (plan.ContestantIds.Count == 0 || plan.Criteria.Count == 0 || judges == 0))
            {
                Log($"skipping occupation {code}: {plan.ContestantIds.Count} contestants, {plan.Criteria.Count} judgement criteria, {judges} judges");
                continue;
            }
            plans.Add(plan);
            panels[code] = judges;
        }
        if (plans.Count == 0)
            throw new InvalidOperationException($"Edition {o.Edition} has no occupation the load can use.");
        if (plans.Count < o.Occupations)
            Log($"only {plans.Count} of the {o.Occupations} occupations asked for are usable");

        if (organiser is not null)
        {
            foreach (var plan in plans)
            {
                await api.MovePhaseAsync(o.Edition, plan.Code, "checkIn", organiser, cancel);
                await api.MovePhaseAsync(o.Edition, plan.Code, "live", organiser, cancel);
            }
        }

        IReadOnlyList<JudgeSeat> seats = organiser is null || o.Judges == 0 ? [] : await SignJudgesInAsync(o, api, organiser, plans, cancel);
        Log($"prepared {plans.Count} occupations ({string.Join(", ", plans.Select(p => p.Code))}) and {seats.Count} judges");
        return new ContestPlan(plans, seats);
    }

    private static async Task<IReadOnlyList<JudgeSeat>> SignJudgesInAsync(
        LoadOptions o, GatewayApi api, string organiser, IReadOnlyList<OccupationPlan> plans, CancellationToken cancel)
    {
        // Codes per occupation, judges only: a chief judge's mark may mean something else (review).
        var queues = new List<Queue<AccessCode>>();
        foreach (var plan in plans)
        {
            var codes = await api.IssueAccessCodesAsync(o.Edition, plan.Code, organiser, cancel);
            queues.Add(new Queue<AccessCode>(codes.Where(c => c.Role.Equals("judge", StringComparison.OrdinalIgnoreCase))));
        }

        // Round-robin over the occupations, so M judges spread evenly.
        var picked = new List<(AccessCode Code, OccupationPlan Plan)>();
        while (picked.Count < o.Judges && queues.Any(q => q.Count > 0))
        {
            for (var i = 0; i < plans.Count && picked.Count < o.Judges; i++)
            {
                if (queues[i].TryDequeue(out var code))
                    picked.Add((code, plans[i]));
            }
        }
        if (picked.Count < o.Judges)
            Log($"only {picked.Count} judges sit on the panels of these occupations; {o.Judges} were asked for");

        using var gate = new SemaphoreSlim(4);
        var seats = await Task.WhenAll(picked.Select(async p =>
        {
            await gate.WaitAsync(cancel);
            try
            {
                return new JudgeSeat(p.Code.JudgeId, p.Plan, await api.SignInJudgeAsync(p.Code.Code, cancel));
            }
            finally
            {
                gate.Release();
            }
        }));
        return seats;
    }

    private static (OccupationPlan Plan, int Judges) Read(string code, JsonElement definition)
    {
        var contestants = Items(definition, "contestants").Select(c => c.GetProperty("id").GetString()!).ToList();
        var criteria = new List<JudgementCriterion>();
        if (definition.TryGetProperty("scheme", out var scheme))
        {
            foreach (var module in Items(scheme, "modules"))
            {
                foreach (var criterion in Items(module, "criteria"))
                {
                    if (criterion.TryGetProperty("kind", out var kind) && kind.ToString().Equals("judgement", StringComparison.OrdinalIgnoreCase))
                        criteria.Add(new JudgementCriterion(criterion.GetProperty("id").GetString()!, criterion.GetProperty("max").GetDecimal(), criterion.GetProperty("step").GetDecimal()));
                }
            }
        }
        var judges = Items(definition, "panel").Count(j => j.TryGetProperty("role", out var role) && role.ToString().Equals("judge", StringComparison.OrdinalIgnoreCase));
        return (new OccupationPlan(code, contestants, criteria), judges);
    }

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static void Log(string text) => Console.Error.WriteLine(text);
}
