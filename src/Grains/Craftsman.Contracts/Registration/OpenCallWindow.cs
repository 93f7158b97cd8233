namespace Craftsman.Contracts.Registration;

/// <summary>When an occupation's open call (公开报名) takes registrations: from Opens, until Closes.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.OpenCallWindow")]
public sealed record OpenCallWindow(
    [property: Id(0)] DateTimeOffset Opens,
    [property: Id(1)] DateTimeOffset Closes);
