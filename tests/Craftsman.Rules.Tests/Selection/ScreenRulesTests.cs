using Craftsman.Contracts.Screens;
using Craftsman.Grains.Screens;

namespace Craftsman.Rules.Tests.Selection;

public sealed class ScreenRulesTests
{
    [Theory]
    [InlineData("Hall-A", true)]
    [InlineData("主会场_1", true)]
    [InlineData("", false)]
    [InlineData("-hall", false)]
    [InlineData("Hall A", false)]
    [InlineData("a/b", false)]
    public void ScreenNamesTravelInAnAddress(string name, bool valid)
    {
        Assert.Equal(valid ? null : ScreenRefusalCode.ScreenNameInvalid, ScreenRules.CheckName(name)?.Code);
    }

    [Fact]
    public void NamesAreComparedWithoutCase() => Assert.Equal(ScreenRules.Key("hall-a"), ScreenRules.Key("Hall-A"));

    [Theory]
    [InlineData(ScreenContent.Board)]
    [InlineData(ScreenContent.Arena)]
    [InlineData(ScreenContent.Ceremony)]
    public void OneOccupationsShowsNeedTheOccupation(ScreenContent content)
    {
        Assert.Equal(ScreenRefusalCode.OccupationRequired, ScreenRules.Check(new ScreenShow(content, " ")).Refusal?.Code);
        Assert.Equal("cnc-lathe", ScreenRules.Check(new ScreenShow(content, "cnc-lathe", 30)).Show.OccupationCode);
        Assert.Null(ScreenRules.Check(new ScreenShow(content, "cnc-lathe", 30)).Show.IntervalSeconds);
    }

    [Fact]
    public void RotationHasADefaultIntervalWithinLimits()
    {
        Assert.Equal(ScreenRules.DefaultInterval, ScreenRules.Check(new ScreenShow(ScreenContent.Rotation)).Show.IntervalSeconds);
        Assert.Equal(ScreenRefusalCode.IntervalInvalid, ScreenRules.Check(new ScreenShow(ScreenContent.Rotation, null, 1)).Refusal?.Code);
        Assert.Null(ScreenRules.Check(new ScreenShow(ScreenContent.Rotation, "cnc-lathe", 20)).Show.OccupationCode);
    }

    [Fact]
    public void WelcomeDropsWhatItDoesNotUse() =>
        Assert.Equal(ScreenShow.Welcome, ScreenRules.Check(new ScreenShow(ScreenContent.Welcome, "cnc-lathe", 20)).Show);
}
