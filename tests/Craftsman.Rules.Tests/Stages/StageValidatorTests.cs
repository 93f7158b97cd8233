using System.Text.Json;
using System.Text.Json.Serialization;
using Craftsman.Contracts.Editions;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Tests.Stages;

public sealed class StageValidatorTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private static EditionDocument Sample(Func<Occupation, Occupation> change)
    {
        var document = JsonSerializer.Deserialize<EditionDocument>(File.ReadAllText("edition-2020.json"), Json)!;
        return document with { Occupations = document.Occupations.SetItem(0, change(document.Occupations[0])) };
    }

    private static Stage S(string id, decimal weight, int? advance = null, string? scheme = null) => new(id, new("阶段", "Stage"), scheme, null, advance, weight);

    [Fact]
    public void TheSampleWithoutStagesAndAGoodStageListImportCleanly()
    {
        Assert.Empty(EditionValidator.Validate(Sample(o => o)));
        Assert.Empty(EditionValidator.Validate(Sample(o => o with { Stages = [S("selection", 0, 3), S("final", 0.7m), S("review", 0.3m)] })));
    }

    [Fact]
    public void BadStageListsAreRefusedWithWhereAndWhyInBothLanguages()
    {
        var errors = EditionValidator.Validate(Sample(o => o with
        {
            Stages = [S("selection", 0.1m, 3), S("final", 0.7m), S("final", 0.3m, 2, "no-such-scheme"), S("Bad~Id", 0)],
        }));

        Assert.Contains(errors, e => e.Contains("id 'final' appears more than once") && e.Contains("重复"));
        Assert.Contains(errors, e => e.Contains("only qualifies; its weight must be 0"));
        Assert.Contains(errors, e => e.Contains(".scheme: 'no-such-scheme' is not defined"));
        Assert.Contains(errors, e => e.Contains("id 'Bad~Id' must be"));
        Assert.Contains(errors, e => e.Contains("the weights sum to 1.1, not 1") && e.Contains("权重之和"));
        var last = EditionValidator.Validate(Sample(o => o with { Stages = [S("final", 1m, 2)] }));
        Assert.Contains(last, e => e.Contains("the last stage has no next stage"));
    }
}
