using System.Collections.Immutable;

namespace Craftsman.Contracts.Results;

/// <summary>The public-notice (公示) window.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.NoticeWindow")]
public sealed record NoticeWindow(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End);

/// <summary>The public notice page's content: never an objector's name, contact or text.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.PublicNotice")]
public sealed record PublicNotice(
    [property: Id(0)] RecommendedList List,
    [property: Id(1)] NoticeWindow? Window,
    [property: Id(2)] bool IsOpen,
    [property: Id(3)] int Objections,
    [property: Id(4)] int Resolved,
    [property: Id(5)] Naming? Naming);

/// <summary>The names confirmed: the candidates of the list when named, less those an upheld objection concerns.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Naming")]
public sealed record Naming(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ImmutableArray<RecommendedEntry> Named);

[GenerateSerializer, Immutable, Alias("craftsman.NamingResult")]
public sealed record NamingResult(
    [property: Id(0)] Naming? Naming,
    [property: Id(1)] ResultsRefusal? Refusal);
