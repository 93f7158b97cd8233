using System.Globalization;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Crash.Tests.Support;

namespace Craftsman.Crash.Tests;

/// <summary>
/// The embedded gateway in a process of its own is killed with SIGKILL five times while 20 judge
/// tablets mark over the judging hub; after each restart the public interface must agree with the
/// ledger (issue 11, first "Done when"). Each kill hits a fresh edition (same generator, own
/// seed), so every kill finds its rounds Live and each round can still be moved on to Review to
/// check the resends there. Everything but the kill's timing follows from the seed, which is
/// printed (set CRAFTSMAN_CRASH_SEED to repeat a run).
/// </summary>
public sealed class GatewayCrashTests(ITestOutputHelper output)
{
    private const int Kills = 5;
    private static readonly TimeSpan EarliestKill = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan LatestKill = TimeSpan.FromMilliseconds(2500);
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(120);

    /// <summary>Acknowledged marks resent in Review per tablet (besides every unacknowledged one).</summary>
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
        var violations = new List<string>();
        var rounds = new List<Round>();
        var passed = false;
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
                    var mine = await OpenRoundsAsync(api, edition);
                    rounds.AddRange(mine);
                    var tablets = await SeatTabletsAsync(api, gateway.BaseUri, edition, mine);
                    report.Line($"kill {kill}: edition {edition.Edition.Id}, {mine.Count} occupations ("
                        + string.Join(", ", mine.Select(r => $"{r.Occupation}: {r.Tablets.Count} judges × {r.ContestantIds.Count} contestants"))
                        + $"), {tablets.Count} tablets connected");

                    // Mark until the kill; the moment is seeded, what it hits is not.
                    var killAfter = EarliestKill + TimeSpan.FromMilliseconds(cycle.Next((int)(LatestKill - EarliestKill).TotalMilliseconds));
                    var marking = tablets.Select(t => Task.Run(() => t.MarkAsync(MarkingPlan.For(edition, t.Occupation, new Random(cycle.Next()))))).ToList();
                    await Task.Delay(killAfter);
                    await gateway.KillAsync();
                    await Task.WhenAll(marking).WaitAsync(TimeSpan.FromSeconds(60));
                    var sent = tablets.SelectMany(t => t.Sent).ToList();
                    report.Line($"kill {kill}: SIGKILL {killAfter.TotalMilliseconds:F0} ms after marking began: {sent.Count} marks sent, "
                        + $"{sent.Count(m => m.Acknowledged)} acknowledged, {sent.Count(m => m.Outcome is { Accepted: false })} refused, {sent.Count(m => m.Outcome is null)} unanswered");
                    foreach (var refused in sent.Where(m => m.Outcome is { Accepted: false }))
                        violations.Add($"MARKING [{refused.Edition}/{refused.Occupation}] valid mark {refused} was refused while Live: {refused.Outcome!.Rejection}");

                    var restart = report.Elapsed;
                    await gateway.StartAsync(StartWithin);
                    report.Line($"kill {kill}: restarted in {(report.Elapsed - restart).TotalSeconds:F1} s");

                    // Every round of every edition so far, straight after the restart.
                    var found = await CheckAsync(api, rounds, $"after restart {kill}");
                    violations.AddRange(found);
                    report.Line($"kill {kill}: checked {rounds.Count} rounds after the restart: {Summary(found)}");

                    foreach (var tablet in tablets)
                        await tablet.ConnectAsync();
                    violations.AddRange(await ResendAsync(api, mine, cycle, report, kill));

                    foreach (var tablet in tablets)
                        await tablet.DisposeAsync();
                }
                passed = violations.Count == 0;
            }
            catch (Exception e)
            {
                report.Line($"the run stopped: {e.GetType().Name}: {e.Message}");
                report.Line($"gateway log ({gateway.LogPath}), last lines:\n{gateway.Tail()}");
                throw new InvalidOperationException($"The crash test could not run to the end.\n{report}", e);
            }
        }

        if (passed)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        else
        {
            report.Line($"{violations.Count} violation(s); the data folder is kept: {folder}");
        }
        Assert.True(passed, $"{report}\n\n{violations.Count} violation(s) (seed {seed}):\n"
            + string.Join('\n', violations.Take(120)) + (violations.Count > 120 ? $"\n… and {violations.Count - 120} more" : ""));
    }

    /// <summary>Imports the edition and opens each occupation's round (Draft → CheckIn → Live).</summary>
    private static async Task<List<Round>> OpenRoundsAsync(GatewayApi api, EditionDocument edition)
    {
        await api.ImportAsync(edition);
        var rounds = new List<Round>();
        foreach (var occupation in edition.Occupations)
        {
            await api.MoveAsync(edition.Edition.Id, occupation.Code, RoundPhase.CheckIn);
            await api.MoveAsync(edition.Edition.Id, occupation.Code, RoundPhase.Live);
            rounds.Add(new Round(edition.Edition.Id, occupation.Code,
                [.. edition.Contestants.Where(c => c.Occupation == occupation.Code).Select(c => c.Id)]));
        }
        return rounds;
    }

    private static async Task<List<JudgeTablet>> SeatTabletsAsync(GatewayApi api, Uri gateway, EditionDocument edition, List<Round> rounds)
    {
        var tablets = new List<JudgeTablet>();
        foreach (var round in rounds)
        {
            var tokens = await api.SignInJudgesAsync(round.Edition, round.Occupation);
            foreach (var judge in edition.Judges.Where(j => j.Occupation == round.Occupation && j.Role == Contracts.People.JudgeRole.Judge))
            {
                var tablet = new JudgeTablet(gateway, round.Edition, round.Occupation, judge.Id, tokens[judge.Id]);
                await tablet.ConnectAsync();
                round.Tablets.Add(tablet);
                tablets.Add(tablet);
            }
        }
        return tablets;
    }

    private static async Task<List<string>> CheckAsync(GatewayApi api, IEnumerable<Round> rounds, string when)
    {
        var found = new List<string>();
        foreach (var round in rounds)
        {
            var views = await round.ReadAsync(api);
            found.AddRange(RoundChecks.Check(views, round.Sent, round.Phase).Select(v => $"{when}: {v}"));
        }
        return found;
    }

    /// <summary>
    /// The unanswered marks, split by the seed: one part resent while the round is still Live (each
    /// must be accepted and counted once), then the round moves to Review and the other part, the
    /// part resent in Live and a few acknowledged marks are resent again: each must be answered
    /// "accepted" when its key is in the ledger and refused with RoundNotLive when it is not, and the
    /// ledger must not grow.
    /// </summary>
    private static async Task<List<string>> ResendAsync(GatewayApi api, List<Round> rounds, Random cycle, CrashReport report, int kill)
    {
        var found = new List<string>();
        var inLive = new List<(Round Round, JudgeTablet Tablet, SentMark Mark)>();
        var inReview = new List<(Round Round, JudgeTablet Tablet, SentMark Mark)>();
        foreach (var round in rounds)
            foreach (var tablet in round.Tablets)
                foreach (var mark in tablet.Sent.Where(m => m.Outcome is null))
                    (cycle.Next(2) == 0 ? inLive : inReview).Add((round, tablet, mark));

        // Live: each unanswered mark of this part is accepted once, whether or not it was stored before.
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
                        found.Add($"RESEND-LIVE [{round.Name}] unanswered mark {mark} resent while Live was refused: {outcome.Rejection}");
                mark.Outcome ??= outcome;
            }
        }));
        foreach (var round in rounds)
        {
            var after = await round.ReadAsync(api);
            var resent = inLive.Where(x => x.Round == round).Select(x => x.Mark.Key).ToHashSet();
            var stored = before[round].Replay.Marks.Count(e => resent.Contains(e.Key));
            var expected = before[round].Replay.Marks.Length + resent.Count - stored;
            if (after.Replay.Marks.Length != expected)
                found.Add($"RESEND-LIVE [{round.Name}] the ledger held {before[round].Replay.Marks.Length} marks, {stored} of the {resent.Count} resent keys among them; "
                    + $"after the resends it should hold {expected}, it holds {after.Replay.Marks.Length}");
            found.AddRange(RoundChecks.Check(after, round.Sent, RoundPhase.Live).Select(v => $"after resending in Live {kill}: {v}"));
        }

        // Review: the round has moved on; a resend is answered from the key, never applied anew.
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
                    lock (found)
                        found.Add($"RESEND-REVIEW [{round.Name}] mark {mark} ({(answeredBefore is null ? "never answered" : answeredBefore.Accepted ? "acknowledged" : "refused")}) resent in Review: {wrong}");
                mark.Outcome ??= outcome;
            }
        }));
        foreach (var round in rounds)
        {
            var after = await round.ReadAsync(api);
            if (after.Replay.Marks.Length != before[round].Replay.Marks.Length)
                found.Add($"RESEND-REVIEW [{round.Name}] the ledger held {before[round].Replay.Marks.Length} marks before the resends in Review and {after.Replay.Marks.Length} after");
            found.AddRange(RoundChecks.Check(after, round.Sent, RoundPhase.Review).Select(v => $"after resending in Review {kill}: {v}"));
        }
        report.Line($"kill {kill}: resent {inLive.Count} unanswered marks in Live, then {again.Count} marks in Review "
            + $"({inReview.Count} unanswered, {inLive.Count} resent in Live, {again.Count - inReview.Count - inLive.Count} acknowledged): {Summary(found)}");
        return found;
    }

    private static string Summary(List<string> found) =>
        found.Count == 0 ? "all invariants hold" : $"{found.Count} violation(s): " + string.Join(", ",
            found.Select(f => f.Split(' ').FirstOrDefault(w => w.All(ch => char.IsUpper(ch) || ch == '-') && w.Length > 3) ?? "?")
                .GroupBy(k => k).Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>One occupation's round of one edition, with the tablets that mark it.</summary>
    private sealed class Round(string edition, string occupation, List<string> contestantIds)
    {
        public string Edition { get; } = edition;
        public string Occupation { get; } = occupation;
        public List<string> ContestantIds { get; } = contestantIds;
        public List<JudgeTablet> Tablets { get; } = [];
        public RoundPhase Phase { get; set; } = RoundPhase.Live;
        public string Name => $"{Edition}/{Occupation}";

        public IReadOnlyCollection<SentMark> Sent => [.. Tablets.SelectMany(t => t.Sent)];

        public Task<RoundViews> ReadAsync(GatewayApi api) => RoundViews.ReadAsync(api, Edition, Occupation, ContestantIds);
    }
}
