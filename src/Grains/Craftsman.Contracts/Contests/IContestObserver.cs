using Orleans.Concurrency;

namespace Craftsman.Contracts.Contests;

/// <summary>A gateway's single subscription to one occupation's contest.</summary>
[Alias("craftsman.IContestObserver")]
public interface IContestObserver : IGrainObserver
{
    [OneWay, Alias("ContestChanged")]
    Task ContestChanged(ContestUpdate update);
}
