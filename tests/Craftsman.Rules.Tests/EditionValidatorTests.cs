using System.Collections.Immutable;
using System.Text.Json;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Rules.Scoring;
using static Craftsman.Rules.Tests.TestData;

namespace Craftsman.Rules.Tests;

public class EditionValidatorTests
{
    private static readonly EditionDocument Sample = LoadSample();

    // ---- the real sample -----------------------------------------------------------------------

    [Fact]
    public void SampleEditionHasNoErrors()
    {
        var errors = EditionValidator.Validate(Sample);

        Assert.Empty(errors);
    }

    [Fact]
    public void SampleEditionHas30Occupations85ContestantsAnd180Judges()
    {
        Assert.Equal(30, Sample.Occupations.Length);
        Assert.Equal(85, Sample.Contestants.Length);
        Assert.Equal(180, Sample.Judges.Length);
    }

    [Fact]
    public void SampleEditionLoadsSettingsSchemesAndEnumsFromJson()
    {
        Assert.Equal("2020", Sample.Edition.Id);
        Assert.Equal(120, Sample.Edition.AppealWindowMinutes);
        Assert.Equal(60m, Sample.Edition.QualifyingScore);
        Assert.Equal(7, Sample.MarkingSchemes.Length);
        Assert.Equal(30, Sample.Contestants.Count(c => c.Role == ContestantRole.Seed));
        Assert.Equal(30, Sample.Judges.Count(j => j.Role == JudgeRole.Chief));
        Assert.Contains(Sample.Occupations, o => o.Mode == ContestMode.Review);

        var p3 = Sample.MarkingSchemes.Single(s => s.Id == "machining").FindCriterion("P3");
        Assert.Equal(new Criterion("P3", new LocalizedText("工艺与程序编制", "Process planning and programming"), CriterionKind.Judgement, 20m, 0.5m, 4m), p3);
        Assert.Equal(CriterionKind.Measurement, Sample.MarkingSchemes.Single(s => s.Id == "machining").FindCriterion("P1")?.Kind);
    }

    [Fact]
    public void EverySampleModuleHasMax100AndTheReviewSchemeOneModuleOfWeight1()
    {
        Assert.All(Sample.MarkingSchemes.SelectMany(s => s.Modules), m => Assert.Equal(100m, m.Max));
        var review = Sample.MarkingSchemes.Single(s => s.Id == "review-only");
        var module = Assert.Single(review.Modules);
        Assert.Equal(1m, module.Weight);
    }

    // ---- broken documents ----------------------------------------------------------------------

    [Fact]
    public void OccupationWithUnknownSchemeIsReported()
    {
        var occupation = Sample.Occupations[0] with { Scheme = "no-such-scheme" };
        var document = Sample with { Occupations = Sample.Occupations.SetItem(0, occupation) };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains(occupation.Code, error);
        Assert.Contains("'no-such-scheme' is not defined", error);
    }

    [Fact]
    public void DuplicateContestantIdIsReported()
    {
        var copy = Sample.Contestants[0] with { Name = "Someone Else" };
        var document = Sample with { Contestants = Sample.Contestants.Add(copy) };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Equal($"contestants: id '{copy.Id}' appears more than once.", error);
    }

    [Fact]
    public void DuplicateJudgeIdIsReported()
    {
        var judges = Sample.Judges.SetItem(1, Sample.Judges[1] with { Id = Sample.Judges[2].Id });
        var document = Sample with { Judges = judges };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Equal($"judges/officials: id '{Sample.Judges[2].Id}' appears more than once.", error);
    }

    [Fact]
    public void DuplicateSchemeIdIsReported()
    {
        var document = Sample with { MarkingSchemes = Sample.MarkingSchemes.Add(Sample.MarkingSchemes[0]) };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains($"id '{Sample.MarkingSchemes[0].Id}' appears more than once", error);
    }

    [Fact]
    public void DuplicateOccupationCodeIsReported()
    {
        var document = Sample with { Occupations = Sample.Occupations.Add(Sample.Occupations[0]) };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains($"code '{Sample.Occupations[0].Code}' appears more than once", error);
    }

    [Fact]
    public void ModuleWeightsNotSummingToOneAreReported()
    {
        var document = WithScheme("machining", s => s with { Modules = s.Modules.SetItem(1, s.Modules[1] with { Weight = 0.4m }) });

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains("markingSchemes[machining]", error);
        Assert.Contains("1.1", error);
    }

    [Fact]
    public void PanelOfTwoMarkingJudgesIsReported()
    {
        var code = Sample.Occupations[0].Code;
        var dropped = Sample.Judges.Where(j => j.Occupation == code && j.Role == JudgeRole.Judge).Take(3).ToHashSet();
        var document = Sample with { Judges = [.. Sample.Judges.Where(j => !dropped.Contains(j))] };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Equal($"occupations[{code}]: the panel has 2 judges; at least 3 are needed.", error);
    }

    [Fact]
    public void PanelOfThreeMarkingJudgesIsEnough()
    {
        var code = Sample.Occupations[0].Code;
        var dropped = Sample.Judges.Where(j => j.Occupation == code && j.Role == JudgeRole.Judge).Take(2).ToHashSet();
        var document = Sample with { Judges = [.. Sample.Judges.Where(j => !dropped.Contains(j))] };

        Assert.Empty(EditionValidator.Validate(document));
    }

    [Fact]
    public void OccupationWithoutChiefJudgeIsReported()
    {
        var code = Sample.Occupations[0].Code;
        var document = Sample with { Judges = [.. Sample.Judges.Where(j => !(j.Occupation == code && j.Role == JudgeRole.Chief))] };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains($"occupations[{code}]", error);
        Assert.Contains("chief", error);
    }

    [Fact]
    public void ContestantOfUndefinedOccupationIsReported()
    {
        var document = Sample with { Contestants = Sample.Contestants.SetItem(0, Sample.Contestants[0] with { Occupation = "no-such-trade" }) };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains("'no-such-trade' is not defined", error);
    }

    [Fact]
    public void CriterionIdRepeatedAcrossModulesIsReported()
    {
        var document = WithScheme("machining", s =>
        {
            var expert = s.Modules[1];
            return s with { Modules = s.Modules.SetItem(1, expert with { Criteria = expert.Criteria.SetItem(0, expert.Criteria[0] with { Id = "P1" }) }) };
        });

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains("criterion 'P1' appears more than once", error);
    }

    [Fact]
    public void JudgementCriterionWithoutToleranceIsReported()
    {
        var document = WithCriterion("machining", "P3", c => c with { Tolerance = null });

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains("P3", error);
        Assert.Contains("tolerance", error);
    }

    [Fact]
    public void StepThatDoesNotDivideMaxIsReported()
    {
        var document = WithCriterion("machining", "P3", c => c with { Step = 3m }); // 20 % 3 ≠ 0

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains("step", error);
    }

    [Fact]
    public void QualifyingScoreAbove100IsReported()
    {
        var document = Sample with { Edition = Sample.Edition with { QualifyingScore = 101m } };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains("qualifyingScore", error);
    }

    [Fact]
    public void DocumentWithoutEditionSectionIsReported()
    {
        var document = Sample with { Edition = null! };

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Contains("edition", error);
    }

    [Fact]
    public void EveryProblemIsReportedInOnePass()
    {
        var occupation = Sample.Occupations[0] with { Scheme = "no-such-scheme" };
        var document = WithScheme("machining", s => s with { Modules = s.Modules.SetItem(1, s.Modules[1] with { Weight = 0.4m }) }) with
        {
            Occupations = Sample.Occupations.SetItem(0, occupation),
            Contestants = Sample.Contestants.Add(Sample.Contestants[0]),
        };

        var errors = EditionValidator.Validate(document);

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void BrokenJsonDocumentIsReported()
    {
        // The same checks apply to a document read from JSON, not only to one built in code.
        const string json = """
        {
          "edition": { "id": "x", "title": { "zh": "x", "en": "x" }, "year": 2020, "appealWindowMinutes": 120, "qualifyingScore": 60 },
          "markingSchemes": [],
          "occupations": [ { "code": "lathe", "name": { "zh": "x", "en": "x" }, "mode": "competition", "scheme": "ghost" } ],
          "contestants": [],
          "judges": [
            { "id": "J1", "name": "a", "occupation": "lathe", "role": "chief" },
            { "id": "J2", "name": "b", "occupation": "lathe", "role": "judge" },
            { "id": "J3", "name": "c", "occupation": "lathe", "role": "judge" }
          ]
        }
        """;
        var document = JsonSerializer.Deserialize<EditionDocument>(json, Json)!;

        var errors = EditionValidator.Validate(document);

        Assert.Equal(
        [
            "occupations[lathe]: scheme 'ghost' is not defined.",
            "occupations[lathe]: the panel has 2 judges; at least 3 are needed.",
        ], errors);
    }

    [Fact]
    public void ModuleWithEmptyCriteriaIsReported()
    {
        var document = WithScheme("machining", s => s with { Modules = s.Modules.SetItem(1, s.Modules[1] with { Criteria = [] }) });

        var error = Assert.Single(EditionValidator.Validate(document));

        Assert.Equal("markingSchemes[machining].expert: has no criteria.", error);
    }

    // A module whose "criteria" key is missing deserialises to a default ImmutableArray.
    [Fact]
    public void ModuleWithoutCriteriaKeyIsReportedNotThrown()
    {
        const string json = """
        {
          "edition": { "id": "x", "title": { "zh": "x", "en": "x" }, "year": 2020, "appealWindowMinutes": 120, "qualifyingScore": 60 },
          "markingSchemes": [ { "id": "s", "modules": [ { "id": "expert", "name": { "zh": "x", "en": "x" }, "weight": 1 } ] } ]
        }
        """;
        var document = JsonSerializer.Deserialize<EditionDocument>(json, Json)!;

        var errors = EditionValidator.Validate(document);

        Assert.Contains("markingSchemes[s].expert: has no criteria.", errors);
    }

    [Fact]
    public void OccupationWithoutANameIsReportedNotThrown()
    {
        var document = Sample with { Occupations = Sample.Occupations.SetItem(0, Sample.Occupations[0] with { Name = null! }) };

        var errors = EditionValidator.Validate(document);

        Assert.Contains("occupations[0].name is required.", errors);
    }

    [Fact]
    public void CriterionMaximumBeyondTheBoundIsReported()
    {
        var scheme = Sample.MarkingSchemes[0];
        var module = scheme.Modules[0];
        var huge = module with { Criteria = module.Criteria.SetItem(0, module.Criteria[0] with { Max = 1e28m }) };
        var document = Sample with { MarkingSchemes = Sample.MarkingSchemes.SetItem(0, scheme with { Modules = scheme.Modules.SetItem(0, huge) }) };

        var errors = EditionValidator.Validate(document);

        Assert.Contains(errors, e => e.StartsWith("markingSchemes[0].modules[0].criteria[0].max:", StringComparison.Ordinal));
    }

    [Fact]
    public void IdsWithInvisibleCharactersAreReported()
    {
        var document = Sample with { Contestants = Sample.Contestants.SetItem(0, Sample.Contestants[0] with { Id = "C001\u202E" }) };

        var errors = EditionValidator.Validate(document);

        Assert.Contains(errors, e => e.StartsWith("contestants[0].id:", StringComparison.Ordinal));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static EditionDocument WithScheme(string id, Func<MarkingScheme, MarkingScheme> change)
    {
        var index = Sample.MarkingSchemes.Select(s => s.Id).ToList().IndexOf(id);
        return Sample with { MarkingSchemes = Sample.MarkingSchemes.SetItem(index, change(Sample.MarkingSchemes[index])) };
    }

    private static EditionDocument WithCriterion(string schemeId, string criterionId, Func<Criterion, Criterion> change) =>
        WithScheme(schemeId, s => s with
        {
            Modules = [.. s.Modules.Select(m => m with { Criteria = [.. m.Criteria.Select(c => c.Id == criterionId ? change(c) : c)] })],
        });
}
