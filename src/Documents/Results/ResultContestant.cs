using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.People;

namespace Craftsman.Documents.Results;

/// <summary>
/// One contestant of the occupation as the result sheet shows them: who they are, their draw number
/// (null before the draw or in an open round) and their scoresheet (null when nothing was marked).
/// </summary>
public sealed record ResultContestant(
    string Id,
    string Name,
    string Employer,
    ContestantRole Role,
    string? DrawNumber,
    Scoresheet? Scoresheet);
