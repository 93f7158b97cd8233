using Craftsman.Contracts.Contests;

namespace Craftsman.Gateway.Live;

/// <summary>The object a contest grain calls back; it only hands the update to the feed.</summary>
public sealed class ContestObserver(ContestFeed feed, ContestKey key) : IContestObserver
{
    public Task ContestChanged(ContestUpdate update)
    {
        feed.OnChanged(key, update);
        return Task.CompletedTask;
    }
}
