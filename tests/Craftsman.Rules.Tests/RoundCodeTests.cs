using Craftsman.Contracts.Input;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Tests;

public sealed class RoundCodeTests
{
    [Theory]
    [InlineData("lift-repair")]
    [InlineData("lift-repair~selection")]
    [InlineData("cnc_lathe.2~review-2")]
    public void An_occupation_code_or_one_stage_after_a_tilde_is_a_round_code(string code) =>
        Assert.True(InputRules.IsRoundCode(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("~selection")]
    [InlineData("lift-repair~")]
    [InlineData("lift-repair~selection~again")]
    [InlineData("lift-repair/selection")]
    [InlineData("lift repair")]
    [InlineData("lift-repair~sélection")]
    public void Anything_else_is_not(string? code) =>
        Assert.False(InputRules.IsRoundCode(code));

    [Fact]
    public void Each_part_is_bounded_like_an_id()
    {
        var longest = new string('a', InputRules.MaxIdLength);
        Assert.True(InputRules.IsRoundCode($"{longest}~{longest}"));
        Assert.False(InputRules.IsRoundCode($"{longest}a~stage"));
        Assert.False(InputRules.IsRoundCode($"occupation~{longest}a"));
    }
}
