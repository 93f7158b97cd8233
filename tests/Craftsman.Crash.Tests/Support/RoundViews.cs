using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;

namespace Craftsman.Crash.Tests.Support;

/// <summary>
/// Everything the public interface says about one round at one moment: the ledger export, every
/// contestant's scoresheet, the organiser's live board, the public board and the round's status.
/// </summary>
public sealed record RoundViews(
    string Edition,
    string Occupation,
    string LedgerExport,
    ImmutableArray<LedgerEntry> Ledger,
    ReplayedRound Replay,
    ImmutableDictionary<string, Scoresheet> Scoresheets,
    Board LiveBoard,
    Board PublicBoard,
    RoundStatus Status)
{
    public string Name => $"{Edition}/{Occupation}";

    public static async Task<RoundViews> ReadAsync(GatewayApi api, string edition, string occupation, IEnumerable<string> contestantIds)
    {
        // Nothing marks while the views are read, so the order of the reads does not matter.
        var export = await api.LedgerAsync(edition, occupation);
        var ledger = LedgerRules.Parse(export);
        var sheets = await Task.WhenAll(contestantIds.Select(id => api.ScoresheetAsync(edition, id)));
        var live = await api.LiveBoardAsync(edition, occupation);
        var board = await api.PublicBoardAsync(edition, occupation);
        var status = await api.StatusAsync(edition, occupation);
        return new RoundViews(edition, occupation, export, ledger, LedgerRules.Replay(ledger),
            sheets.ToImmutableDictionary(s => s.ContestantId), live, board, status);
    }
}
