using System.Collections.Immutable;
using Craftsman.Contracts.People;

namespace Craftsman.Contracts.Stages;

/// <summary>One contestant's composite over the weighted stages (Σ weight × stage composite), with each stage's composite.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.CompositeLine")]
public sealed record CompositeLine(
    [property: Id(0)] int Rank,
    [property: Id(1)] string ContestantId,
    [property: Id(2)] string Name,
    [property: Id(3)] ContestantRole Role,
    [property: Id(4)] decimal Composite,
    [property: Id(5)] ImmutableArray<StageScore> Stages)
{
    [Id(6)] public string Employer { get; init; } = "";
}

/// <summary>A contestant's composite in one weighted stage (0 when they did not compete in it).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.StageScore")]
public sealed record StageScore(
    [property: Id(0)] string StageId,
    [property: Id(1)] decimal Weight,
    [property: Id(2)] decimal Composite);
