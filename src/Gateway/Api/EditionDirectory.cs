using Craftsman.Contracts.Input;
using System.Collections.Immutable;
using Craftsman.Contracts.Editions;
using Craftsman.Gateway.Cluster;

namespace Craftsman.Gateway.Api;

/// <summary>
/// This gateway's copy of the imported editions of the registry (<see cref="IEditionRegistryGrain"/>). A
/// look-up of an id not in the copy refreshes it at most once per <see cref="RefreshInterval"/>,
/// however many unknown ids are asked for, so guessing ids never activates a grain per guess; an
/// edition imported through another gateway is seen within that interval.
/// </summary>
public sealed class EditionDirectory(ClusterAccess cluster, TimeProvider clock)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile ImmutableSortedSet<string> _known = [];
    private long? _refreshedAt;

    public async Task<bool> Exists(string? editionId)
    {
        if (!InputRules.IsId(editionId))
            return false;
        if (_known.Contains(editionId!))
            return true;
        await _refresh.WaitAsync();
        try
        {
            if (!_known.Contains(editionId!) && (_refreshedAt is not { } at || clock.GetElapsedTime(at) >= RefreshInterval))
            {
                var list = await cluster.Grains.GetGrain<IEditionRegistryGrain>(IEditionRegistryGrain.Key).List();
                _known = [.. list.Editions.Where(e => e.Imported).Select(e => e.Id)];
                _refreshedAt = clock.GetTimestamp();
            }
        }
        finally
        {
            _refresh.Release();
        }
        return _known.Contains(editionId!);
    }

    /// <summary>After an import through this gateway: known at once here.</summary>
    public void Imported(string editionId) => _known = _known.Add(editionId);
}
