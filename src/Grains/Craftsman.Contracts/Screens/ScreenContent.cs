namespace Craftsman.Contracts.Screens;

/// <summary>What a named screen in the hall shows.</summary>
[GenerateSerializer, Alias("craftsman.ScreenContent")]
public enum ScreenContent
{
    Welcome = 0,

    /// <summary>One occupation's leaderboard, large.</summary>
    Board = 1,

    /// <summary>One occupation's seed and challengers side by side.</summary>
    Arena = 2,

    /// <summary>Every occupation at a glance.</summary>
    Overview = 3,

    /// <summary>One occupation's board for the ceremony: the frozen board revealed rank by rank.</summary>
    Ceremony = 4,

    /// <summary>The occupations live now by the schedule (all of them when none is), in turn.</summary>
    Rotation = 5,
}
