using System.Collections.Immutable;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Crash.Tests.Support;

/// <summary>
/// A generated edition (from the seed): occupations whose marking panels hold 20 judges in all
/// (3 to 7 each, the rules need at least 3), a chief judge each, 3 to 5 contestants each, and one
/// scheme of judgement criteria only, so every mark any panel judge sends is valid while the round
/// is Live — a refusal then can only come from the crash, never from the scenario.
/// </summary>
public static class CrashEdition
{
    public const int MarkingJudges = 20;

    public static EditionDocument Generate(string editionId, Random random)
    {
        var scheme = Scheme(random);
        var occupations = ImmutableArray.CreateBuilder<Occupation>();
        var contestants = ImmutableArray.CreateBuilder<Contestant>();
        var judges = ImmutableArray.CreateBuilder<Judge>();
        var left = MarkingJudges;
        var number = 0;
        while (left > 0)
        {
            var panel = left <= 7 ? left : random.Next(3, Math.Min(7, left - 3) + 1);
            left -= panel;
            number++;
            var code = $"trade-{number}";
            occupations.Add(new Occupation(code, new LocalizedText($"工种{number}", $"Trade {number}"), ContestMode.Competition, scheme.Id, "seed"));
            var entrants = random.Next(3, 6);
            for (var c = 1; c <= entrants; c++)
                contestants.Add(new Contestant($"T{number}C{c}", $"选手{number}-{c}", $"单位{c}", code, c == 1 ? ContestantRole.Seed : ContestantRole.Challenger));
            judges.Add(new Judge($"T{number}K", $"裁判长{number}", code, JudgeRole.Chief));
            for (var j = 1; j <= panel; j++)
                judges.Add(new Judge($"T{number}J{j}", $"裁判{number}-{j}", code, JudgeRole.Judge));
        }
        var info = new EditionInfo(editionId, new LocalizedText($"崩溃测试 {editionId}", $"Crash test {editionId}"), 2026, 0, 60m);
        return new EditionDocument(info, [scheme], occupations.ToImmutable(), contestants.ToImmutable(), judges.ToImmutable());
    }

    private static MarkingScheme Scheme(Random random)
    {
        var practical = Enumerable.Range(1, random.Next(2, 5)).Select(i => Criterion($"P{i}", random)).ToImmutableArray();
        var expert = Enumerable.Range(1, random.Next(1, 4)).Select(i => Criterion($"E{i}", random)).ToImmutableArray();
        return new MarkingScheme("crash", [
            new MarkingModule("practical", new LocalizedText("现场实操", "Live practical"), 0.7m, practical),
            new MarkingModule("expert", new LocalizedText("专家评审", "Expert review"), 0.3m, expert),
        ]);
    }

    private static Criterion Criterion(string id, Random random)
    {
        decimal max = random.Next(1, 5) * 10;
        var step = random.Next(2) == 0 ? 0.5m : 1m;
        return new Criterion(id, new LocalizedText(id, id), CriterionKind.Judgement, max, step, max / 5);
    }
}
