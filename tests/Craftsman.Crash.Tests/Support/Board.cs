using System.Collections.Immutable;
using Craftsman.Contracts.Contests;

namespace Craftsman.Crash.Tests.Support;

/// <summary>What the test reads of a board (the organiser's live board or the public one).</summary>
public sealed record Board(string OccupationCode, long Version, RoundPhase Phase, ImmutableArray<BoardLine> Standings);

public sealed record BoardLine(int Rank, string ContestantId, decimal Composite, int MarkCount, bool HasOpenFlags);
