namespace Craftsman.Contracts.Contests;

[GenerateSerializer, Alias("craftsman.AppealStatus")]
public enum AppealStatus
{
    Open = 0,
    Upheld = 1,
    Rejected = 2,
}

/// <summary>An appeal and, once ruled, the arbitration group's decision.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Appeal")]
public sealed record Appeal(
    [property: Id(0)] int Number,
    [property: Id(1)] string ContestantId,
    [property: Id(2)] string CriterionId,
    [property: Id(3)] string Grounds,
    [property: Id(4)] string FiledBy,
    [property: Id(5)] DateTimeOffset FiledAt,
    [property: Id(6)] AppealStatus Status,
    [property: Id(7)] string? Ruling,
    [property: Id(8)] string? RuledBy,
    [property: Id(9)] DateTimeOffset? RuledAt);
