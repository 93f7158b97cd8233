using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;

namespace Craftsman.Grains.Contestants;

/// <summary>
/// The contestant's own record: the newest scoresheet each of their contests has pushed, held in
/// memory only. Anything it has not been told it asks the contest for, which answers from its
/// ledger, so it can lag a push behind but never disagree with the ledger.
/// </summary>
public sealed class ContestantGrain : Grain, IContestantGrain
{
    private readonly Dictionary<string, (long Version, Scoresheet Sheet)> _sheets = [];

    public Task Observe(string contestKey, long version, Scoresheet sheet)
    {
        if (!_sheets.TryGetValue(contestKey, out var known) || known.Version < version)
            _sheets[contestKey] = (version, sheet);
        return Task.CompletedTask;
    }

    public async Task<Scoresheet> GetScoresheet()
    {
        var (editionId, contestantId) = Split(this.GetPrimaryKeyString());
        var document = await GrainFactory.GetGrain<IEditionGrain>(editionId).GetDocument();
        var occupation = document?.Contestants.FirstOrDefault(c => c.Id == contestantId)?.Occupation
            ?? throw new InvalidOperationException($"Contestant '{contestantId}' is not in edition '{editionId}'.");
        var contestKey = GrainKeys.Contest(editionId, occupation);
        var contest = GrainFactory.GetGrain<IContestGrain>(contestKey);
        // Always ask once per call rather than trust a possibly missed push: the contest's answer is its ledger's.
        var status = await contest.GetStatus(Audience.Organiser);
        if (_sheets.TryGetValue(contestKey, out var known) && known.Version == status.Version)
            return known.Sheet;
        var sheet = await contest.GetScoresheetOf(contestantId)
            ?? throw new InvalidOperationException($"Contestant '{contestantId}' is not set up in {contestKey}.");
        _sheets[contestKey] = (status.Version, sheet);
        return sheet;
    }

    private static (string Edition, string Contestant) Split(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}
