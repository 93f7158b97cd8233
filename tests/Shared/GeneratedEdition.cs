using System.Text.Json.Nodes;

namespace Craftsman.Tests.Shared;

/// <summary>
/// An edition made for the end-to-end suites, unlike the sample in every way that could hide an
/// assumption: its own ids, three occupations with schemes of one, two and three modules, 4–7
/// contestants, panels of 3 and 5 judges, long employer names, an appeal window of 0 minutes.
/// </summary>
public static class GeneratedEdition
{
    public const string Id = "bj31-autumn";

    public sealed record CriterionPlan(string Id, string Kind, decimal Max, decimal Step);

    public sealed record OccupationPlan(string Code, string Mode, string Scheme, IReadOnlyList<CriterionPlan> Criteria,
        IReadOnlyList<string> Contestants, string Chief, IReadOnlyList<string> Judges);

    /// <summary>A competition with a 3-module scheme, 5 contestants and a panel of 5.</summary>
    public static readonly OccupationPlan StoneCarving = new("stone-carving", "competition", "carve-3m",
        [new("SC-M1", "measurement", 20m, 0.5m), new("SC-J1", "judgement", 30m, 1m), new("SC-F1", "judgement", 10m, 0.5m), new("SC-R1", "judgement", 40m, 2m)],
        ["BJ31-101", "BJ31-102", "BJ31-103", "BJ31-104", "BJ31-105"], "BJ31-K10", ["BJ31-K11", "BJ31-K12", "BJ31-K13", "BJ31-K14", "BJ31-K15"]);

    /// <summary>A competition with a 2-module scheme, 4 contestants and a panel of 3.</summary>
    public static readonly OccupationPlan LiftRepair = new("lift-repair", "competition", "lift-2m",
        [new("LR-P1", "judgement", 60m, 1m), new("LR-P2", "measurement", 40m, 1m), new("LR-R1", "judgement", 100m, 5m)],
        ["BJ31-201", "BJ31-202", "BJ31-203", "BJ31-204"], "BJ31-K20", ["BJ31-K21", "BJ31-K22", "BJ31-K23"]);

    /// <summary>Review only, a 1-module scheme, 7 contestants and a panel of 3.</summary>
    public static readonly OccupationPlan TeaCraft = new("tea-craft", "review", "review-1m",
        [new("TC-R1", "judgement", 100m, 0.5m)],
        ["BJ31-301", "BJ31-302", "BJ31-303", "BJ31-304", "BJ31-305", "BJ31-306", "BJ31-307"], "BJ31-K30", ["BJ31-K31", "BJ31-K32", "BJ31-K33"]);

    public static readonly IReadOnlyList<OccupationPlan> Occupations = [StoneCarving, LiftRepair, TeaCraft];

    public static JsonObject Document()
    {
        static JsonObject Text(string zh, string en) => new() { ["zh"] = zh, ["en"] = en };
        static JsonObject Criterion(CriterionPlan c, string zh, string en) => new()
        {
            ["id"] = c.Id, ["name"] = Text(zh, en), ["kind"] = c.Kind, ["max"] = c.Max, ["step"] = c.Step,
            ["tolerance"] = c.Kind == "judgement" ? c.Max / 4 : null,
        };
        static JsonObject Module(string id, string zh, string en, decimal weight, params JsonObject[] criteria) => new()
        {
            ["id"] = id, ["name"] = Text(zh, en), ["weight"] = weight, ["criteria"] = new JsonArray(criteria),
        };
        var sc = StoneCarving.Criteria;
        var lr = LiftRepair.Criteria;
        var schemes = new JsonArray(
            new JsonObject
            {
                ["id"] = StoneCarving.Scheme,
                ["modules"] = new JsonArray(
                    Module("carving", "雕刻实操", "Carving practical", 0.6m, Criterion(sc[0], "尺寸", "Dimensions"), Criterion(sc[1], "造型", "Form")),
                    Module("finish", "表面处理", "Surface finish", 0.15m, Criterion(sc[2], "打磨", "Polish")),
                    Module("review", "专家评审", "Expert review", 0.25m, Criterion(sc[3], "综合评审", "Overall review"))),
            },
            new JsonObject
            {
                ["id"] = LiftRepair.Scheme,
                ["modules"] = new JsonArray(
                    Module("practical", "故障排除", "Fault finding", 0.8m, Criterion(lr[0], "诊断", "Diagnosis"), Criterion(lr[1], "复位时间", "Reset time")),
                    Module("review", "专家评审", "Expert review", 0.2m, Criterion(lr[2], "综合评审", "Overall review"))),
            },
            new JsonObject
            {
                ["id"] = TeaCraft.Scheme,
                ["modules"] = new JsonArray(Module("review", "专家综合评审", "Expert review", 1m, Criterion(TeaCraft.Criteria[0], "制茶技艺", "Tea making"))),
            });

        var occupations = new JsonArray(
            new JsonObject { ["code"] = StoneCarving.Code, ["name"] = Text("石雕", "Stone carving"), ["mode"] = StoneCarving.Mode, ["scheme"] = StoneCarving.Scheme },
            new JsonObject { ["code"] = LiftRepair.Code, ["name"] = Text("电梯维修", "Lift repair"), ["mode"] = LiftRepair.Mode, ["scheme"] = LiftRepair.Scheme },
            new JsonObject { ["code"] = TeaCraft.Code, ["name"] = Text("茶叶加工", "Tea processing"), ["mode"] = TeaCraft.Mode, ["scheme"] = TeaCraft.Scheme });

        var contestants = new JsonArray();
        var judges = new JsonArray();
        foreach (var o in Occupations)
        {
            for (var i = 0; i < o.Contestants.Count; i++)
                contestants.Add(new JsonObject
                {
                    ["id"] = o.Contestants[i],
                    ["name"] = $"选手{o.Code.Length}{i}号 Contestant {i + 1}",
                    // Long enough to need wrapping in every layout of the result sheet.
                    ["employer"] = i % 2 == 0 ? "北京市朝阳区城市基础设施运营维护与精密机械制造有限责任公司第二分公司" : "Beijing Heritage Crafts and Restoration Cooperative, Workshop No. 7",
                    ["occupation"] = o.Code,
                    ["role"] = i == 0 ? "seed" : "challenger",
                });
            judges.Add(new JsonObject { ["id"] = o.Chief, ["name"] = $"{o.Code}裁判长", ["occupation"] = o.Code, ["role"] = "chief" });
            foreach (var judge in o.Judges)
                judges.Add(new JsonObject { ["id"] = judge, ["name"] = $"裁判{judge[^2..]}", ["occupation"] = o.Code, ["role"] = "judge" });
        }

        return new JsonObject
        {
            ["edition"] = new JsonObject
            {
                ["id"] = Id, ["title"] = Text("北京大工匠秋季赛（生成）", "Beijing Grand Craftsman autumn round (generated)"),
                ["year"] = 2031, ["appealWindowMinutes"] = 0, ["qualifyingScore"] = 50, ["timeZone"] = "Asia/Shanghai",
            },
            ["markingSchemes"] = schemes,
            ["occupations"] = occupations,
            ["contestants"] = contestants,
            ["judges"] = judges,
        };
    }

    /// <summary>
    /// A mark on the criterion's step for this contestant and judge: contestants apart, judges
    /// within tolerance of each other, so no flag is raised and the ranking is deterministic.
    /// </summary>
    public static decimal Mark(CriterionPlan c, int contestantIndex, int judgeIndex)
    {
        var level = 0.9m - 0.08m * contestantIndex - (c.Kind == "judgement" ? 0.02m * (judgeIndex % 3) : 0m);
        var raw = c.Max * level;
        return Math.Max(c.Step, Math.Floor(raw / c.Step) * c.Step);
    }
}
