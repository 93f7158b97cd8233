using System.Collections.Immutable;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Contracts.Contestants;

/// <summary>
/// One contestant's scoresheet, keyed "{editionId}/{contestantId}". Marks reach it only through the
/// occupation's contest grain, which has already checked phase, panel and scheme.
/// </summary>
[Alias("craftsman.IContestantGrain")]
public interface IContestantGrain : IGrainWithStringKey
{
    [Alias("Enrol")]
    Task Enrol(Contestant contestant, MarkingScheme scheme);

    /// <summary>
    /// Stores the marks in the order given, in one write (a known key is recognised, a refused mark
    /// changes nothing), and answers with each one's recording and the scoresheet after all of them.
    /// </summary>
    [Alias("RecordMarks")]
    Task<RecordedMarks> RecordMarks(ImmutableArray<MarkSubmission> submissions, DateTimeOffset enteredAt);

    [Alias("GetScoresheet")]
    Task<Scoresheet> GetScoresheet();
}
