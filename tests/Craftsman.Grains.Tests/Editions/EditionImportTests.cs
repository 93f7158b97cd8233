using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Editions;

[Collection(ClusterCollection.Name)]
public sealed class EditionImportTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task SampleEditionImportsThirtyContestsAndEightyFiveContestants()
    {
        var id = TestEditions.NewId();
        var edition = _grains.GetGrain<IEditionGrain>(id);

        var result = await edition.Import(TestEditions.Sample(id));

        Assert.True(result.Imported, string.Join("; ", result.Errors));
        Assert.Equal(30, (await edition.GetOccupations()).Length);
        Assert.Equal(85, (await edition.GetContestants()).Length);
        var overview = await edition.GetOverview();
        Assert.Equal(30, overview.Contests.Length);
        Assert.Equal(85, overview.Contests.Sum(c => c.ContestantCount));
        Assert.All(overview.Contests, c => Assert.Equal(RoundPhase.Draft, c.Phase));
    }

    [Fact]
    public async Task InvalidEditionIsRejectedWithEveryErrorAndNothingStored()
    {
        var id = TestEditions.NewId();
        var edition = _grains.GetGrain<IEditionGrain>(id);
        var document = TestEditions.OneOccupation(id);
        var broken = document with
        {
            Occupations = [document.Occupations[0] with { Scheme = "no-such-scheme" }],
            Judges = [.. document.Judges.Take(2)],
        };

        var result = await edition.Import(broken);

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.Contains("no-such-scheme"));
        Assert.Contains(result.Errors, e => e.Contains("panel"));
        Assert.Null(await edition.GetDocument());
    }

    [Fact]
    public async Task EditionCannotBeReimportedOnceARoundLeftDraft()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.CheckIn);
        var edition = _grains.GetGrain<IEditionGrain>(s.EditionId);

        var result = await edition.Import(s.Document with { Contestants = [.. s.Document.Contestants.Take(1)] });

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.Contains(TestEditions.Occupation));
        Assert.Equal(s.Document.Contestants.Length, (await edition.GetContestants()).Length);
    }
}
