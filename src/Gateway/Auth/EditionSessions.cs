using Craftsman.Contracts.Access;

namespace Craftsman.Gateway.Auth;

/// <summary>
/// What this gateway knows of one edition's access-code generations: fed by the access-code grain
/// as an observer (pushed at every issue and revoke) and by the guard's renewals (which also repair
/// a lost push).
/// </summary>
public sealed class EditionSessions : IAccessObserver
{
    private readonly Action<EditionSessions> _changed;
    private volatile AccessGenerations? _current;

    public EditionSessions(string editionId, IGrainFactory grains, Action<EditionSessions> changed)
    {
        EditionId = editionId;
        _changed = changed;
        Grain = grains.GetGrain<IAccessCodeGrain>(editionId);
        Reference = grains.CreateObjectReference<IAccessObserver>(this);
    }

    public string EditionId { get; }
    public IAccessCodeGrain Grain { get; }

    // The grain holds only a weak reference to the observer; the guard keeps this object alive.
    public IAccessObserver Reference { get; }

    public Task Ready { get; set; } = Task.CompletedTask;

    public bool Loaded => _current is not null;

    /// <summary>Whether a session of <paramref name="holderId"/> opened with code generation <paramref name="generation"/> is still good.</summary>
    public bool IsCurrent(string holderId, long generation) =>
        _current is { } current && current.Current.TryGetValue(holderId, out var live) && live == generation;

    public Task GenerationsChanged(AccessGenerations generations)
    {
        Apply(generations);
        return Task.CompletedTask;
    }

    /// <summary>Keeps the newest generations told; answers whether anything changed.</summary>
    public void Apply(AccessGenerations generations)
    {
        lock (this)
        {
            if (_current is { } known && generations.Sequence <= known.Sequence)
                return;
            _current = generations;
        }
        _changed(this);
    }
}
