namespace Craftsman.Rules.Scoring;

/// <summary>Scores are kept exact; only what people read is rounded, half away from zero to 2 places.</summary>
public static class ScoreDisplay
{
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
