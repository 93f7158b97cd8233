using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Tests;

/// <summary>Small builders for schemes, marks, contests and standings, so each test states only what matters to it.</summary>
internal static class TestData
{
    public const string Occupation = "cnc-lathe";

    public static readonly DateTimeOffset At = new(2020, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));

    public static LocalizedText Text(string en) => new(en, en);

    // ---- schemes -------------------------------------------------------------------------------

    /// <summary>A judgement criterion; defaults are DESIGN.md's P3: max 20, step 0.5, tolerance 4.</summary>
    public static Criterion Judgement(string id = "P3", decimal max = 20m, decimal step = 0.5m, decimal? tolerance = 4m) =>
        new(id, Text(id), CriterionKind.Judgement, max, step, tolerance);

    public static Criterion Measurement(string id = "P1", decimal max = 30m, decimal step = 0.5m) =>
        new(id, Text(id), CriterionKind.Measurement, max, step, null);

    public static MarkingModule Module(string id, decimal weight, params Criterion[] criteria) =>
        new(id, Text(id), weight, [.. criteria]);

    public static MarkingScheme Scheme(string id, params MarkingModule[] modules) => new(id, [.. modules]);

    /// <summary>
    /// A two-module scheme with maxima other than 100, so the composite formula's division is visible:
    /// practical (weight 0.6): P1 measurement max 30, P3 judgement max 20 → module max 50;
    /// expert (weight 0.4): E1 judgement max 40 → module max 40.
    /// </summary>
    public static MarkingScheme SmallScheme() => Scheme("small",
        Module("practical", 0.6m, Measurement("P1", max: 30m), Judgement("P3", max: 20m, tolerance: 4m)),
        Module("expert", 0.4m, Judgement("E1", max: 40m, tolerance: 8m)));

    /// <summary>The sample's review-only scheme: one expert module of weight 1, E1 40 + E2 30 + E3 30.</summary>
    public static MarkingScheme ReviewOnlyScheme() => Scheme("review-only",
        Module("expert", 1m,
            Judgement("E1", max: 40m, tolerance: 8m),
            Judgement("E2", max: 30m, tolerance: 6m),
            Judgement("E3", max: 30m, tolerance: 6m)));

    // ---- marks ---------------------------------------------------------------------------------

    public static Mark Mark(string judgeId, string criterionId, decimal value, long sequence) =>
        new(judgeId, criterionId, value, sequence, At.AddSeconds(sequence), $"{judgeId}-{criterionId}-{sequence}");

    /// <summary>One mark per value, by judges J1, J2, … in that order (sequence 1, 2, …).</summary>
    public static List<Mark> Marks(string criterionId, params decimal[] values) =>
        values.Select((v, i) => Mark($"J{i + 1}", criterionId, v, i + 1)).ToList();

    public static MarkSubmission Submission(
        string judgeId = "J1", string contestantId = "C1", string criterionId = "P3", decimal value = 15m, string key = "key-1") =>
        new(key, judgeId, contestantId, criterionId, value);

    // ---- contests ------------------------------------------------------------------------------

    public static EditionInfo Edition(decimal qualifyingScore = 60m) => new("2020", Text("Edition 2020"), 2020, 120, qualifyingScore);

    /// <summary>A contest on <see cref="SmallScheme"/> with contestants C1 (seed) and C2 (challenger), judges J1–J5 and chief CJ.</summary>
    public static ContestDefinition Contest() => new(
        Edition(),
        new Occupation(Occupation, Text("CNC lathe"), ContestMode.Competition, "small", null),
        SmallScheme(),
        [
            new Contestant("C1", "Seed One", "Works A", Occupation, ContestantRole.Seed),
            new Contestant("C2", "Challenger Two", "Works B", Occupation, ContestantRole.Challenger),
        ],
        [
            new Judge("CJ", "Chief", Occupation, JudgeRole.Chief),
            .. Enumerable.Range(1, 5).Select(i => new Judge($"J{i}", $"Judge {i}", Occupation, JudgeRole.Judge)),
        ]);

    // ---- ranking and arena ---------------------------------------------------------------------

    public static RankingEntry Entry(
        string id, decimal composite, decimal practical = 0m, decimal expert = 0m,
        ContestantRole role = ContestantRole.Challenger, int markCount = 10) =>
        new(id, $"Name {id}", role, composite,
            [new ModuleScore("practical", practical, 100m), new ModuleScore("expert", expert, 100m)],
            markCount, false);

    public static Standing Standing(
        int rank, string id, ContestantRole role, decimal composite, int markCount = 10) =>
        new(rank, id, $"Name {id}", role, composite, ImmutableArray<ModuleScore>.Empty, ResultStatus.Provisional, markCount, false);

    // ---- edition documents ---------------------------------------------------------------------

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>samples/edition-2020.json, copied next to the test assembly by the csproj.</summary>
    public static EditionDocument LoadSample()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "edition-2020.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<EditionDocument>(stream, Json)
            ?? throw new InvalidOperationException($"{path} deserialised to null.");
    }
}
