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

    /// <summary>Stores the mark (or returns the earlier outcome for a known key) and answers with the new scoresheet.</summary>
    [Alias("RecordMark")]
    Task<MarkRecording> RecordMark(MarkSubmission submission, DateTimeOffset enteredAt);

    [Alias("GetScoresheet")]
    Task<Scoresheet> GetScoresheet();
}
