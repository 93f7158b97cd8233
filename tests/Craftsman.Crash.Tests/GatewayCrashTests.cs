using System.Globalization;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Crash.Tests.Support;

namespace Craftsman.Crash.Tests;

/// <summary>
/// The embedded gateway in a process of its own is killed with SIGKILL five times while 20 judge
/// tablets mark over the judging hub; after each restart the public interface must agree with the
/// ledger (issue 11, first "Done when"). Each kill hits a fresh edition (same generator, own
/// seed), so every kill finds its rounds Live, and afterwards each round moves on: to Review (the
/// resends there), then signed off by its chief judge, so the verifier also recomputes a recorded
/// result. Everything but the kill's timing follows from the seed, which is printed (set
/// CRAFTSMAN_CRASH_SEED to repeat a run).
/// </summary>
public sealed class GatewayCrashTests(ITestOutputHelper output)
{
    private const int Kills = 5;
    // Counted from the first acknowledged mark, so a slow start (JIT, activations, a loaded machine) never eats the window.
    private static readonly TimeSpan EarliestKill = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LatestKill = TimeSpan.FromMilliseconds(2000);
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(120);

    /// <summary>Acknowledged marks resent in Review per tablet (besides every unanswered one).</summary>
    private const int AcknowledgedResends = 3;

    [Fact]
    public async Task AfterEverySigkillTheLedgerHoldsEachAcknowledgedMarkOnceAndEveryViewIsItsReplay()
    {
        var seed = Environment.GetEnvironmentVariable("CRAFTSMAN_CRASH_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var random = new Random(seed);
        var report = new CrashReport(output);
        report.Line($"seed {seed} (repeat with CRAFTSMAN_CRASH_SEED={seed})");

        var folder = Path.Combine(Path.GetTempPath(), "craftsman-crash-tests", Guid.NewGuid().ToString("N"));
        var findings = new List<Finding>();
        var rounds = new List<Round>();
        await using (var gateway = new GatewayProcess(folder))
        {
            try
            {
                await gateway.StartAsync(StartWithin);
                report.Line($"gateway up at {gateway.BaseUri} (data {folder})");
                using var api = new GatewayApi(gateway.BaseUri);
                await api.SignInAsync();

                for (var kill = 1; kill <= Kills; kill++)
                {
                    var cycle = new Random(random.Next());
                    var edition = CrashEdition.Generate($"crash-{kill}", new Random(cycle.Next()));
                    var mine = await OpenRoundsAsync(api, gateway.BaseUri, edition);
                    rounds.AddRange(mine);
                    var tablets = mine.SelectMany(r => r.Tablets).ToList();
                    report.Line($"kill {kill}: edition {edition.Edition.Id}, {mine.Count} occupations ("
                        + string.Join(", ", mine.Select(r => $"{r.Occupation}: {r.Tablets.Count} judges × {r.ContestantIds.Count} contestants"))
                        + $"), {tablets.Count} tablets connected");

                    // Mark until the kill; the moment is seeded, what it hits is not.
                    var killAfter = EarliestKill + TimeSpan.FromMilliseconds(cycle.Next((int)(LatestKill - EarliestKill).TotalMilliseconds));
                    var marking = tablets.Select(t => (Tablet: t, Plan: MarkingPlan.For(edition, t.Occupation, new Random(cycle.Next())))).ToList()
                        .Select(x => Task.Run(() => x.Tablet.MarkAsync(x.Plan))).ToList();
                    await Task.WhenAny(tablets.Select(t => t.FirstAcknowledgement)).WaitAsync(TimeSpan.FromSeconds(60));
                    await Task.Delay(killAfter);
                    await gateway.KillAsync();
                    await Task.WhenAll(marking).WaitAsync(TimeSpan.FromSeconds(60));
                    var sent = tablets.SelectMany(t => t.Sent).ToList();
                    report.Line($"kill {kill}: SIGKILL {killAfter.TotalMilliseconds:F0} ms after the first acknowledged mark: {sent.Count} marks sent, "
                        + $"{sent.Count(m => m.Acknowledged)} acknowledged, {sent.Count(m => m.Outcome is { Accepted: false })} refused, {sent.Count(m => m.Outcome is null)} unanswered");
                    findings.AddRange(sent.Where(m => m.Outcome is { Accepted: false }).Select(m => new Finding($"marking {kill}",
                        new Violation(Violation.Marking, $"[{m.Edition}/{m.Occupation}] valid mark {m} was refused while Live: {m.Outcome!.Rejection}"))));

                    var restart = report.Elapsed;
                    await gateway.StartAsync(StartWithin);
                    report.Line($"kill {kill}: restarted in {(report.Elapsed - restart).TotalSeconds:F1} s");

                    // Every round of every edition so far, straight after the restart.
                    findings.AddRange(await CheckAsync(api, rounds, $"after restart {kill}", report));

                    foreach (var tablet in tablets)
                        await tablet.ConnectAsync();
                    findings.AddRange(await ResendAsync(api, mine, cycle, report, kill));
                    findings.AddRange(await SignOffAsync(api, mine, report, kill));
                    foreach (var round in mine)
                        await round.DisposeAsync();
                }
            }
            catch (Exception e)
            {
                report.Line($"the run stopped: {e.GetType().Name}: {e.Message}");
                report.Line($"gateway log ({gateway.LogPath}), last lines:\n{gateway.Tail()}");
                throw new InvalidOperationException($"The crash test could not run to the end.\n{report}", e);
            }
            finally
            {
                foreach (var round in rounds)
                    await round.DisposeAsync();
            }
        }

        if (findings.Count == 0)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        else
        {
            report.Line($"{findings.Count} violation(s) over the run; the data folder is kept: {folder}");
        }
        Assert.True(findings.Count == 0, $"{report}\n\nseed {seed}: {Describe(findings)}");
    }

    /// <summary>Imports the edition, opens each occupation's round (Draft → CheckIn → Live) and connects its judges' tablets.</summary>
    private static async Task<List<Round>> OpenRoundsAsync(GatewayApi api, Uri gateway, EditionDocument edition)
    {
        await api.ImportAsync(edition);
        var rounds = new List<Round>();
        foreach (var occupation in edition.Occupations)
        {
            var id = edition.Edition.Id;
            await api.MoveAsync(id, occupation.Code, RoundPhase.CheckIn);
            await api.CheckInAllAsync(id, occupation.Code);
            await api.MoveAsync(id, occupation.Code, RoundPhase.Live);
            var tokens = await api.SignInJudgesAsync(id, occupation.Code);
            var panel = edition.Judges.Where(j => j.Occupation == occupation.Code).ToList();
            var chief = panel.Single(j => j.Role == JudgeRole.Chief);
            var round = new Round(id, occupation.Code, [.. edition.Contestants.Where(c => c.Occupation == occupation.Code).Select(c => c.Id)],
                new JudgeTablet(gateway, id, occupation.Code, chief.Id, tokens[chief.Id]));
            foreach (var judge in panel.Where(j => j.Role == JudgeRole.Judge))
            {
                var tablet = new JudgeTablet(gateway, id, occupation.Code, judge.Id, tokens[judge.Id]);
                await tablet.ConnectAsync();
                round.Tablets.Add(tablet);
            }
            rounds.Add(round);
        }
        return rounds;
    }

    private static async Task<List<Finding>> CheckAsync(GatewayApi api, IEnumerable<Round> rounds, string checkpoint, CrashReport report)
    {
        var found = new List<Finding>();
        var count = 0;
        foreach (var round in rounds)
        {
            var views = await round.ReadAsync(api);
            found.AddRange(RoundChecks.Check(views, round.Sent, round.Phase).Select(v => new Finding(checkpoint, v)));
            count++;
        }
        report.Line($"{checkpoint}: {count} rounds checked: {Summary(found)}");
        return found;
    }

    /// <summary>
    /// The unanswered marks, split by the seed: one part resent while the round is still Live (each
    /// must be accepted and counted once), then the round moves to Review and the other part, the
    /// part resent in Live and a few acknowledged marks are resent again: each must be answered
    /// "accepted" when its key is in the ledger and refused with RoundNotLive when it is not, and the
    /// ledger must not grow.
    /// </summary>
    private static async Task<List<Finding>> ResendAsync(GatewayApi api, List<Round> rounds, Random cycle, CrashReport report, int kill)
    {
        var found = new List<Finding>();
        var inLive = new List<(Round Round, JudgeTablet Tablet, SentMark Mark)>();
        var inReview = new List<(Round Round, JudgeTablet Tablet, SentMark Mark)>();
        foreach (var round in rounds)
            foreach (var tablet in round.Tablets)
                foreach (var mark in tablet.Sent.Where(m => m.Outcome is null))
                    (cycle.Next(2) == 0 ? inLive : inReview).Add((round, tablet, mark));

        // Live: each unanswered mark of this part is accepted once, whether or not it was stored before.
        var live = $"after resending in Live {kill}";
        var before = new Dictionary<Round, RoundViews>();
        foreach (var round in rounds)
            before[round] = await round.ReadAsync(api);
        await Task.WhenAll(inLive.GroupBy(x => x.Tablet).Select(async g =>
        {
            foreach (var (round, tablet, mark) in g)
            {
                var outcome = await tablet.ResendAsync(mark);
                if (!outcome.Accepted)
                    lock (found)
                        found.Add(new(live, new(Violation.ResendLive, $"[{round.Name}] unanswered mark {mark} resent while Live was refused: {outcome.Rejection}")));
                mark.Answered(outcome, resent: true);
            }
        }));
        foreach (var round in rounds)
        {
            var after = await round.ReadAsync(api);
            var resent = inLive.Where(x => x.Round == round).Select(x => x.Mark.Key).ToHashSet();
            var stored = before[round].Replay.Marks.Count(e => resent.Contains(e.Key));
            var expected = before[round].Replay.Marks.Length + resent.Count - stored;
            if (after.Replay.Marks.Length != expected)
                found.Add(new(live, new(Violation.ResendLive, $"[{round.Name}] the ledger held {before[round].Replay.Marks.Length} marks, {stored} of the {resent.Count} resent keys among them; "
                    + $"after the resends it should hold {expected}, it holds {after.Replay.Marks.Length}")));
            found.AddRange(RoundChecks.Check(after, round.Sent, RoundPhase.Live).Select(v => new Finding(live, v)));
        }
        report.Line($"{live}: {inLive.Count} unanswered marks resent: {Summary(found)}");

        // Before marking closes every judge marks every criterion (0, valid on any step): a round is
        // signed off only when no criterion lacks a final aggregate. Spreads this opens are flags the
        // chief judge confirms at sign-off.
        foreach (var round in rounds)
        {
            var criteria = (await round.ReadAsync(api)).Replay.Definition.Scheme.Modules.SelectMany(m => m.Criteria).Select(c => c.Id).ToList();
            await Task.WhenAll(round.Tablets.Select(t => t.MarkAsync(round.ContestantIds.SelectMany(c => criteria.Select(k => (c, k, 0m))))));
        }

        // Review: the round has moved on; a resend is answered from the key, never applied anew.
        var review = $"after resending in Review {kill}";
        var inReviewFound = new List<Finding>();
        foreach (var round in rounds)
        {
            await api.MoveAsync(round.Edition, round.Occupation, RoundPhase.Review);
            round.Phase = RoundPhase.Review;
            before[round] = await round.ReadAsync(api);
        }
        var again = inReview.Concat(inLive).ToList();
        foreach (var round in rounds)
            foreach (var tablet in round.Tablets)
            {
                var acknowledged = tablet.Sent.Where(m => m.Acknowledged && !again.Any(x => x.Mark == m)).ToList();
                again.AddRange(acknowledged.OrderBy(_ => cycle.Next()).Take(AcknowledgedResends).Select(m => (round, tablet, m)));
            }
        await Task.WhenAll(again.GroupBy(x => x.Tablet).Select(async g =>
        {
            foreach (var (round, tablet, mark) in g)
            {
                var stored = before[round].Replay.Marks.Any(e => e.Key == mark.Key);
                var answeredBefore = mark.Outcome;
                var outcome = await tablet.ResendAsync(mark);
                string? wrong = stored switch
                {
                    true when !outcome.Accepted => $"its key is in the ledger, yet it was refused: {outcome.Rejection}",
                    true when answeredBefore is { Accepted: true } first && (first.Version != outcome.Version || first.IsCorrection != outcome.IsCorrection)
                        => $"it was answered (version {first.Version}, correction {first.IsCorrection}) and now (version {outcome.Version}, correction {outcome.IsCorrection})",
                    false when outcome.Accepted => $"its key is not in the ledger, yet it was accepted (version {outcome.Version})",
                    false when outcome.Rejection?.Code != MarkRejectionCode.RoundNotLive => $"its key is not in the ledger; it was refused with {outcome.Rejection}, not RoundNotLive",
                    _ => null,
                };
                if (wrong is not null)
                    lock (inReviewFound)
                        inReviewFound.Add(new(review, new(Violation.ResendReview,
                            $"[{round.Name}] mark {mark} ({(answeredBefore is null ? "never answered" : answeredBefore.Accepted ? "acknowledged" : "refused")}) resent in Review: {wrong}")));
                mark.Answered(outcome, resent: true);
            }
        }));
        foreach (var round in rounds)
        {
            var after = await round.ReadAsync(api);
            if (after.Replay.Marks.Length != before[round].Replay.Marks.Length)
                inReviewFound.Add(new(review, new(Violation.ResendReview,
                    $"[{round.Name}] the ledger held {before[round].Replay.Marks.Length} marks before the resends in Review and {after.Replay.Marks.Length} after")));
            inReviewFound.AddRange(RoundChecks.Check(after, round.Sent, RoundPhase.Review).Select(v => new Finding(review, v)));
        }
        report.Line($"{review}: {again.Count} marks resent ({inReview.Count} unanswered, {inLive.Count} resent in Live before, "
            + $"{again.Count - inReview.Count - inLive.Count} acknowledged): {Summary(inReviewFound)}");
        return [.. found, .. inReviewFound];
    }

    /// <summary>
    /// The chief judge confirms every open flag (the marks are random, so many spread beyond
    /// tolerance) and signs off: the ledger then records a result the verifier recomputes.
    /// </summary>
    private static async Task<List<Finding>> SignOffAsync(GatewayApi api, List<Round> rounds, CrashReport report, int kill)
    {
        var checkpoint = $"after signing off {kill}";
        var found = new List<Finding>();
        foreach (var round in rounds)
        {
            await round.Chief.ConnectAsync();
            var status = await api.StatusAsync(round.Edition, round.Occupation);
            foreach (var flag in status.OpenFlags)
            {
                var confirmed = await round.Chief.InvokeAsync<CommandResult>("ConfirmCriterion", flag.ContestantId, flag.CriterionId, "Confirmed as marked (crash test).");
                if (!confirmed.Succeeded)
                    found.Add(new(checkpoint, new(Violation.SignOff, $"[{round.Name}] the chief judge could not confirm the flag on {flag.ContestantId}/{flag.CriterionId}: {confirmed.Code} {confirmed.Error}")));
            }
            var signedOff = await round.Chief.InvokeAsync<CommandResult>("SignOff");
            if (signedOff.Succeeded)
                round.Phase = RoundPhase.SignedOff;
            else
                found.Add(new(checkpoint, new(Violation.SignOff, $"[{round.Name}] the chief judge could not sign off: {signedOff.Code} {signedOff.Error}")));
        }
        found.AddRange(await CheckAsync(api, rounds, checkpoint, report));
        return found;
    }

    private static string Summary(IEnumerable<Finding> found)
    {
        var counts = found.GroupBy(f => f.Violation.Category).Select(g => $"{g.Count()} {g.Key}").ToList();
        return counts.Count == 0 ? "all invariants hold" : string.Join(", ", counts);
    }

    /// <summary>
    /// Each distinct violation once, lost or doubled marks first, with where it was first seen and
    /// how many later checkpoints still saw it, so one lost write reads as a few lines, not fifty.
    /// </summary>
    private static string Describe(List<Finding> findings)
    {
        var distinct = findings
            .GroupBy(f => f.Violation)
            .Select(g => (g.Key, First: g.First().Checkpoint, Later: g.Count() - 1))
            .OrderBy(x => Array.IndexOf(Violation.Order, x.Key.Category))
            .ToList();
        const int shown = 150;
        var lines = distinct.Take(shown).Select(x => $"{x.Key.Category} {x.First}: {x.Key.Text}{(x.Later > 0 ? $" (still so at {x.Later} later checkpoint(s))" : "")}");
        return $"{distinct.Count} distinct violation(s) ({Summary(findings)} over all checkpoints):\n" + string.Join('\n', lines)
            + (distinct.Count > shown ? $"\n… and {distinct.Count - shown} more" : "");
    }

    /// <summary>One occupation's round of one edition, with the tablets that mark it and its chief judge's.</summary>
    private sealed class Round(string edition, string occupation, List<string> contestantIds, JudgeTablet chief) : IAsyncDisposable
    {
        public string Edition { get; } = edition;
        public string Occupation { get; } = occupation;
        public List<string> ContestantIds { get; } = contestantIds;
        public List<JudgeTablet> Tablets { get; } = [];
        public JudgeTablet Chief { get; } = chief;
        public RoundPhase Phase { get; set; } = RoundPhase.Live;
        public string Name => $"{Edition}/{Occupation}";

        public IReadOnlyCollection<SentMark> Sent => [.. Tablets.SelectMany(t => t.Sent)];

        public Task<RoundViews> ReadAsync(GatewayApi api) => RoundViews.ReadAsync(api, Edition, Occupation, ContestantIds);

        public async ValueTask DisposeAsync()
        {
            foreach (var tablet in Tablets)
                await tablet.DisposeAsync();
            await Chief.DisposeAsync();
        }
    }
}
