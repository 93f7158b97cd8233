using System.Collections.Immutable;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Rules.Scoring;

/// <summary>A contestant's scores as the ranking needs them.</summary>
public sealed record RankingEntry(
    string ContestantId,
    string Name,
    ContestantRole Role,
    decimal Composite,
    ImmutableArray<ModuleScore> Modules,
    int MarkCount,
    bool HasOpenFlags);
