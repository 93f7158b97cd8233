using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Tests;

public class ScoreDisplayTests
{
    public static TheoryData<decimal, decimal> Cases => new()
    {
        { 48.5m / 3m, 16.17m },   // DESIGN.md worked example
        { 16.164m, 16.16m },
        { 16.165m, 16.17m },      // half away from zero, not to even
        { 0.125m, 0.13m },        // banker's rounding would give 0.12
        { 2.5m, 2.5m },
        { 81.2m, 81.2m },
        { 100m, 100m },
        { 0m, 0m },
        { -1.005m, -1.01m },      // away from zero on the negative side too
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundsHalfAwayFromZeroToTwoPlaces(decimal value, decimal expected)
    {
        Assert.Equal(expected, ScoreDisplay.Round(value));
    }

    [Fact]
    public void RoundingKeepsAtMostTwoDecimalPlaces()
    {
        var rounded = ScoreDisplay.Round(48.5m / 3m);

        Assert.Equal("16.17", rounded.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
