using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Contests;

[Collection(ClusterCollection.Name)]
public sealed class MarkSubmissionTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AcceptedMarkShowsInLeaderboardWithHigherVersion()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        var before = await s.Contest.GetBoard(Audience.Organiser);

        var outcome = await s.Submit(s.Judges[0], s.Contestants[0], "P3", 15.5m);

        Assert.True(outcome.Accepted);
        var after = await s.Contest.GetBoard(Audience.Organiser);
        Assert.Equal(outcome.Version, after.Version);
        Assert.True(after.Version > before.Version);
        var standing = after.Standings.Single(x => x.ContestantId == s.Contestants[0].Id);
        Assert.Equal(1, standing.MarkCount);
        Assert.Equal(15.5m, standing.Modules.Single(m => m.ModuleId == "practical").Score);
        Assert.Equal(1, standing.Rank);
    }

    public static TheoryData<string, string, decimal, MarkRejectionCode> InvalidMarks => new()
    {
        { "judge", "P3", 20.5m, MarkRejectionCode.MarkOutOfRange },
        { "judge", "P3", -0.5m, MarkRejectionCode.MarkOutOfRange },
        { "judge", "P3", 15.25m, MarkRejectionCode.MarkOffStep },
        { "judge", "P5", 10.5m, MarkRejectionCode.MarkOffStep },
        { "judge", "X9", 10m, MarkRejectionCode.UnknownCriterion },
        { "stranger", "P3", 10m, MarkRejectionCode.JudgeNotOnPanel },
        { "chief", "P3", 10m, MarkRejectionCode.JudgeNotOnPanel },
        { "other-panel", "P3", 10m, MarkRejectionCode.JudgeNotOnPanel },
    };

    [Theory]
    [MemberData(nameof(InvalidMarks))]
    public async Task InvalidMarkIsRejectedWithItsCodeAndChangesNothing(string who, string criterion, decimal value, MarkRejectionCode expected)
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        var contestant = s.Contestants[0];
        Assert.True((await s.Submit(s.Judges[1], contestant, "P4", 8m)).Accepted);
        var boardBefore = await s.Contest.GetBoard(Audience.Organiser);
        var sheetBefore = await s.Contestant(contestant.Id).GetScoresheet();
        var judgeId = who switch
        {
            "judge" => s.Judges[0].Id,
            "chief" => s.Chief.Id,
            "other-panel" => TestEditions.Sample("x").Judges.First(j => j.Occupation != TestEditions.Occupation).Id,
            _ => "J999",
        };

        var outcome = await s.Contest.SubmitMark(new MarkSubmission("k-" + Guid.NewGuid(), judgeId, contestant.Id, criterion, value));

        Assert.False(outcome.Accepted);
        Assert.Equal(expected, outcome.Rejection!.Code);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Rejection.Message));
        await AssertUnchanged(s, contestant.Id, boardBefore, sheetBefore);
    }

    [Theory]
    [InlineData(RoundPhase.Draft)]
    [InlineData(RoundPhase.CheckIn)]
    [InlineData(RoundPhase.Review)]
    [InlineData(RoundPhase.SignedOff)]
    public async Task MarkOutsideLiveIsRejectedAndChangesNothing(RoundPhase phase)
    {
        var s = await ContestScenario.ImportAsync(_grains, phase);
        var contestant = s.Contestants[0];
        var boardBefore = await s.Contest.GetBoard(Audience.Organiser);
        var sheetBefore = await s.Contestant(contestant.Id).GetScoresheet();

        var outcome = await s.Submit(s.Judges[0], contestant, "P3", 15m);

        Assert.Equal(MarkRejectionCode.RoundNotLive, outcome.Rejection?.Code);
        await AssertUnchanged(s, contestant.Id, boardBefore, sheetBefore);
    }

    [Fact]
    public async Task MarkForContestantOfAnotherOccupationIsRejected()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        var outcome = await s.Contest.SubmitMark(new MarkSubmission("k1", s.Judges[0].Id, "C999", "P3", 10m));
        Assert.Equal(MarkRejectionCode.UnknownContestant, outcome.Rejection?.Code);
    }

    [Fact]
    public async Task ResubmissionWithSameKeyReturnsOriginalOutcomeAndChangesNothing()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        var first = await s.Submit(s.Judges[0], s.Contestants[0], "P3", 15m, key: "tablet-1");
        var board = await s.Contest.GetBoard(Audience.Organiser);

        var again = await s.Submit(s.Judges[0], s.Contestants[0], "P3", 15m, key: "tablet-1");

        Assert.Equal(first, again);
        Assert.Equal(board.Version, (await s.Contest.GetBoard(Audience.Organiser)).Version);
        var sheet = await s.Contestant(s.Contestants[0].Id).GetScoresheet();
        Assert.Single(sheet.Marks);
        Assert.Empty(sheet.Corrections);
    }

    [Fact]
    public async Task ResubmissionAfterRoundClosedStillReturnsOriginalAcceptance()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        var first = await s.Submit(s.Judges[0], s.Contestants[0], "P3", 15m, key: "late-resend");
        Assert.True((await s.MoveTo(RoundPhase.Review)).Succeeded);

        var again = await s.Submit(s.Judges[0], s.Contestants[0], "P3", 15m, key: "late-resend");

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task SameKeyForADifferentMarkIsRejected()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        await s.Submit(s.Judges[0], s.Contestants[0], "P3", 15m, key: "dup");

        var outcome = await s.Submit(s.Judges[0], s.Contestants[0], "P3", 16m, key: "dup");

        Assert.Equal(MarkRejectionCode.IdempotencyKeyReused, outcome.Rejection?.Code);
        var sheet = await s.Contestant(s.Contestants[0].Id).GetScoresheet();
        Assert.Equal(15m, sheet.Marks.Single().Value);
    }

    [Fact]
    public async Task CorrectionReplacesTheJudgesMarkAndStaysInHistory()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        var first = await s.Submit(s.Judges[0], s.Contestants[0], "P3", 15m);

        var correction = await s.Submit(s.Judges[0], s.Contestants[0], "P3", 17.5m);

        Assert.True(correction.IsCorrection);
        Assert.True(correction.Version > first.Version);
        var sheet = await s.Contestant(s.Contestants[0].Id).GetScoresheet();
        Assert.Equal(17.5m, sheet.Marks.Single().Value);
        var history = Assert.Single(sheet.Corrections);
        Assert.Equal((15m, 17.5m, s.Judges[0].Id), (history.PreviousValue, history.NewValue, history.JudgeId));
    }

    [Fact]
    public async Task FiveJudgesAggregateAsInTheWorkedExample()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        decimal[] marks = [15m, 16.5m, 17m, 18m, 14.5m];
        for (var i = 0; i < marks.Length; i++)
            Assert.True((await s.Submit(s.Judges[i], s.Contestants[0], "P3", marks[i])).Accepted);

        var sheet = await s.Contestant(s.Contestants[0].Id).GetScoresheet();

        var p3 = sheet.Criteria.Single(c => c.CriterionId == "P3");
        Assert.Equal(48.5m / 3m, p3.Value);
        Assert.True(p3.IsFinal);
        Assert.Equal(CriterionFlag.None, p3.Flag);
        Assert.Equal(0.7m * (48.5m / 3m) * 100m / 100m, sheet.Composite);
    }

    [Fact]
    public async Task ThirdJudgeCannotMarkAConfirmedMeasurement()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        Assert.True((await s.Submit(s.Judges[0], s.Contestants[0], "P1", 25m)).Accepted);
        Assert.True((await s.Submit(s.Judges[1], s.Contestants[0], "P1", 24.5m)).Accepted);

        var third = await s.Submit(s.Judges[2], s.Contestants[0], "P1", 25m);

        Assert.Equal(MarkRejectionCode.MeasurementAlreadyConfirmed, third.Rejection?.Code);
        var board = await s.Contest.GetBoard(Audience.Organiser);
        Assert.True(board.Standings.Single(x => x.ContestantId == s.Contestants[0].Id).HasOpenFlags);
    }

    private async Task AssertUnchanged(ContestScenario s, string contestantId, Leaderboard boardBefore, Contracts.Contestants.Scoresheet sheetBefore)
    {
        var boardAfter = await s.Contest.GetBoard(Audience.Organiser);
        var sheetAfter = await s.Contestant(contestantId).GetScoresheet();
        Assert.Equal(boardBefore.Version, boardAfter.Version);
        Assert.Equal(boardBefore.Standings.Select(x => (x.ContestantId, x.Composite, x.MarkCount)), boardAfter.Standings.Select(x => (x.ContestantId, x.Composite, x.MarkCount)));
        Assert.Equal(sheetBefore.Marks.ToList(), sheetAfter.Marks.ToList());
        Assert.Equal(sheetBefore.Corrections.ToList(), sheetAfter.Corrections.ToList());
    }
}
