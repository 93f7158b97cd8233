namespace Craftsman.Contracts.People;

[GenerateSerializer, Alias("craftsman.ContestantRole")]
public enum ContestantRole
{
    /// <summary>种子选手: a nominated master defending the title.</summary>
    Seed = 0,

    /// <summary>挑战者: an open entrant who came through selection.</summary>
    Challenger = 1,

    /// <summary>Withheld: in a blind round the role would give the seed away.</summary>
    Undisclosed = 2,
}
