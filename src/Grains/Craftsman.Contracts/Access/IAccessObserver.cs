using Orleans.Concurrency;

namespace Craftsman.Contracts.Access;

/// <summary>A gateway's subscription to an edition's access codes, to end revoked sessions at once.</summary>
[Alias("craftsman.IAccessObserver")]
public interface IAccessObserver : IGrainObserver
{
    [OneWay, Alias("GenerationsChanged")]
    Task GenerationsChanged(AccessGenerations generations);
}
