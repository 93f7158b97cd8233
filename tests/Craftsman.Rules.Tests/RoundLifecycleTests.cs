using Craftsman.Contracts.Contests;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Tests;

public class RoundLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2020, 11, 20, 14, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset WindowClosed = Now.AddMinutes(-1);
    private static readonly DateTimeOffset WindowOpen = Now.AddMinutes(1);

    private static string? Check(RoundPhase from, RoundPhase to, int openFlags = 0, DateTimeOffset? closesAt = null) =>
        RoundLifecycle.CheckTransition(from, to, openFlags, closesAt ?? WindowClosed, Now);

    [Theory]
    [InlineData(RoundPhase.Draft, RoundPhase.CheckIn)]
    [InlineData(RoundPhase.CheckIn, RoundPhase.Live)]
    [InlineData(RoundPhase.Live, RoundPhase.Review)]
    [InlineData(RoundPhase.Review, RoundPhase.SignedOff)]
    [InlineData(RoundPhase.SignedOff, RoundPhase.Published)]
    [InlineData(RoundPhase.Published, RoundPhase.Final)]
    public void EveryOneStepForwardMoveIsAccepted(RoundPhase from, RoundPhase to)
    {
        Assert.Null(Check(from, to));
    }

    [Theory]
    [InlineData(RoundPhase.Draft, RoundPhase.Live)]
    [InlineData(RoundPhase.Draft, RoundPhase.Final)]
    [InlineData(RoundPhase.CheckIn, RoundPhase.Review)]
    [InlineData(RoundPhase.Live, RoundPhase.SignedOff)]
    [InlineData(RoundPhase.Review, RoundPhase.Published)]
    [InlineData(RoundPhase.SignedOff, RoundPhase.Final)]
    public void SkippingAPhaseIsRefused(RoundPhase from, RoundPhase to)
    {
        var error = Check(from, to);

        Assert.NotNull(error);
        Assert.Contains((from + 1).ToString(), error);
    }

    [Theory]
    [InlineData(RoundPhase.CheckIn, RoundPhase.Draft)]
    [InlineData(RoundPhase.Live, RoundPhase.CheckIn)]
    [InlineData(RoundPhase.Review, RoundPhase.Live)]
    [InlineData(RoundPhase.SignedOff, RoundPhase.Review)]
    [InlineData(RoundPhase.Published, RoundPhase.SignedOff)]
    [InlineData(RoundPhase.Final, RoundPhase.Published)]
    [InlineData(RoundPhase.Final, RoundPhase.Draft)]
    public void GoingBackIsRefused(RoundPhase from, RoundPhase to)
    {
        Assert.NotNull(Check(from, to));
    }

    [Theory]
    [InlineData(RoundPhase.Draft)]
    [InlineData(RoundPhase.CheckIn)]
    [InlineData(RoundPhase.Live)]
    [InlineData(RoundPhase.Review)]
    [InlineData(RoundPhase.SignedOff)]
    [InlineData(RoundPhase.Published)]
    [InlineData(RoundPhase.Final)]
    public void StayingInThePhaseIsRefused(RoundPhase phase)
    {
        Assert.NotNull(Check(phase, phase));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ReviewToSignedOffIsRefusedWhileFlagsAreOpen(int openFlags)
    {
        var error = Check(RoundPhase.Review, RoundPhase.SignedOff, openFlags: openFlags);

        Assert.NotNull(error);
        Assert.Contains($"{openFlags} flagged", error);
    }

    [Fact]
    public void ReviewToSignedOffIsAcceptedOnceEveryFlagIsResolved()
    {
        Assert.Null(Check(RoundPhase.Review, RoundPhase.SignedOff, openFlags: 0));
    }

    [Fact]
    public void LiveToReviewIsAcceptedWithOpenFlagsSinceReviewIsWhereTheyAreResolved()
    {
        Assert.Null(Check(RoundPhase.Live, RoundPhase.Review, openFlags: 3));
    }

    [Fact]
    public void PublishedToFinalIsRefusedBeforeTheObjectionWindowCloses()
    {
        var error = Check(RoundPhase.Published, RoundPhase.Final, closesAt: WindowOpen);

        Assert.NotNull(error);
    }

    [Fact]
    public void PublishedToFinalIsAcceptedAfterTheObjectionWindowCloses()
    {
        Assert.Null(Check(RoundPhase.Published, RoundPhase.Final, closesAt: WindowClosed));
    }

    [Fact]
    public void PublishedToFinalIsAcceptedAtTheInstantTheWindowCloses()
    {
        Assert.Null(RoundLifecycle.CheckTransition(RoundPhase.Published, RoundPhase.Final, 0, Now, Now));
    }

    [Fact]
    public void PublishedToFinalIsRefusedWithoutAnObjectionWindow()
    {
        Assert.NotNull(RoundLifecycle.CheckTransition(RoundPhase.Published, RoundPhase.Final, 0, null, Now));
    }

    [Fact]
    public void EarlierMovesDoNotWaitForTheObjectionWindow()
    {
        Assert.Null(RoundLifecycle.CheckTransition(RoundPhase.SignedOff, RoundPhase.Published, 0, null, Now));
    }

    // A caller passing a raw number must not invent a phase after Final.
    [Fact]
    public void NothingFollowsFinal()
    {
        Assert.NotNull(Check(RoundPhase.Final, (RoundPhase)7));
    }
}
