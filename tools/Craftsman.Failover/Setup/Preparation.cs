using System.Text.Json;
using Craftsman.Failover.Api;

namespace Craftsman.Failover.Setup;

/// <summary>
/// Readies a drill: the organiser's token, occupations with contestants, judgement criteria and
/// marking judges, their rounds opened (CheckIn, then Live), access codes issued and judges signed in.
/// </summary>
public sealed class Preparation(GatewayApi api, FailoverOptions options)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    /// <summary>Waits (bounded) until every gateway is healthy and the edition is loaded.</summary>
    public async Task WaitForClusterAsync(CancellationToken cancel)
    {
        var deadline = RunClock.Now + TimeSpan.FromSeconds(120);
        while (true)
        {
            var statuses = await Task.WhenAll(api.Gateways.Select(g => api.HealthAsync(g, cancel)));
            if (statuses.All(s => s == 200))
                break;
            if (RunClock.Now > deadline)
                throw new InvalidOperationException($"The gateways are not healthy after 120s: {string.Join(", ", api.Gateways.Select((g, i) => $"{g} → {statuses[i]}"))}.");
            await Task.Delay(1000, cancel);
        }
        await api.RetryAsync($"edition {api.Edition}", HttpMethod.Get, api.EditionPath, null, null, TimeSpan.FromSeconds(120), cancel);
    }

    public async Task<string> OrganiserTokenAsync(CancellationToken cancel)
    {
        var body = await api.RetryAsync("organiser sign-in", HttpMethod.Post, "api/auth/organiser", null, new { password = options.OrganiserPassword }, Budget, cancel);
        return body.String("token") ?? throw new InvalidOperationException("The organiser sign-in returned no token.");
    }

    /// <summary>Every occupation a drill can mark, in the edition's order.</summary>
    public async Task<IReadOnlyList<OccupationPlan>> UsableOccupationsAsync(string organiser, CancellationToken cancel)
    {
        var occupations = await api.RetryAsync("occupations", HttpMethod.Get, $"{api.EditionPath}/occupations", organiser, null, Budget, cancel);
        var plans = new List<OccupationPlan>();
        foreach (var code in occupations.EnumerateArray().Select(o => o.String("code")).OfType<string>())
        {
            var definition = await api.RetryAsync($"definition of {code}", HttpMethod.Get, $"{api.EditionPath}/occupations/{Uri.EscapeDataString(code)}/definition", organiser, null, Budget, cancel);
            var plan = Read(code, definition);
            if (plan.ContestantIds.Count > 0 && plan.Criteria.Count > 0 && plan.JudgeIds.Count > 0)
                plans.Add(plan);
        }
        return plans;
    }

    /// <summary>Draft → CheckIn → Live; a round already there (a second run) is fine, any other phase is not.</summary>
    public async Task OpenRoundAsync(OccupationPlan plan, string organiser, CancellationToken cancel)
    {
        var path = $"{api.EditionPath}/occupations/{Uri.EscapeDataString(plan.Code)}";
        foreach (var phase in new[] { "checkIn", "live" })
        {
            // A round goes live once everyone has checked in.
            if (phase == "live")
                await api.RetryAsync($"{plan.Code} check-in", HttpMethod.Post, $"{path}/check-in-all", organiser, new { }, Budget, cancel,
                    acceptable: r => r.Status == 409);
            await api.RetryAsync($"{plan.Code} → {phase}", HttpMethod.Post, $"{path}/phase", organiser, new { phase }, Budget, cancel,
                acceptable: r => r.Status == 409);
        }
        var board = await api.RetryAsync($"leaderboard of {plan.Code}", HttpMethod.Get, $"{path}/leaderboard", null, null, Budget, cancel);
        if (!string.Equals(board.String("phase"), "live", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The round of {plan.Code} is {board.String("phase")}, not Live; the drills need fresh Live rounds.");
    }

    /// <summary>
    /// Issues codes for the occupations' judges and signs each in, alternating the first gateway and,
    /// judge by judge, REST and the judging hub, so both gateways and both ways carry marks.
    /// </summary>
    public async Task<IReadOnlyList<JudgeSeat>> SeatJudgesAsync(IReadOnlyList<OccupationPlan> plans, string organiser, CancellationToken cancel)
    {
        var seats = new List<JudgeSeat>();
        var index = 0;
        foreach (var plan in plans)
        {
            var issued = await api.RetryAsync($"access codes for {plan.Code}", HttpMethod.Post, $"{api.EditionPath}/access-codes", organiser,
                new { judgeIds = plan.JudgeIds }, Budget, cancel);
            foreach (var code in issued.EnumerateArray())
            {
                var judgeId = code.String("judgeId")!;
                if (!plan.JudgeIds.Contains(judgeId))
                    continue;
                var home = (index / 2) % api.Gateways.Count;
                var transport = index % 2 == 0 ? Transport.Rest : Transport.Hub;
                var signedIn = await api.RetryAsync($"sign-in of {judgeId}", HttpMethod.Post, "api/auth/judge", null,
                    new { accessCode = code.String("code"), editionId = api.Edition }, Budget, cancel, first: home);
                seats.Add(new JudgeSeat(judgeId, plan, signedIn.String("token")!, home, transport));
                index++;
            }
        }
        return seats;
    }

    private static OccupationPlan Read(string code, JsonElement definition)
    {
        var contestants = definition.Items("contestants").Select(c => c.String("id")).OfType<string>().ToList();
        var criteria = definition.TryGetProperty("scheme", out var scheme)
            ? scheme.Items("modules").SelectMany(m => m.Items("criteria"))
                .Where(c => string.Equals(c.String("kind"), "judgement", StringComparison.OrdinalIgnoreCase))
                .Select(c => new JudgementCriterion(c.String("id")!, c.Decimal("max"), c.Decimal("step")))
                .Where(c => c.Max > 0 && c.Step > 0)
                .ToList()
            : [];
        var judges = definition.Items("panel")
            .Where(j => string.Equals(j.String("role"), "judge", StringComparison.OrdinalIgnoreCase))
            .Select(j => j.String("id")).OfType<string>().ToList();
        return new OccupationPlan(code, contestants, criteria, judges);
    }
}
