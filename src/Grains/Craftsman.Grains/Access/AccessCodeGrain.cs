using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Collections.Immutable;
using Craftsman.Contracts.Access;
using Orleans.Utilities;

namespace Craftsman.Grains.Access;

public sealed class AccessCodeGrain(
    [PersistentState("access-codes", StorageNames.Craftsman)] IPersistentState<AccessCodeState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock,
    ILogger<AccessCodeGrain> logger)
    : Grain, IAccessCodeGrain
{
    /// <summary>How long a gateway's subscription lasts unless renewed.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IAccessObserver> _observers = new(SubscriptionLifetime, logger);

    public async Task<ImmutableArray<IssuedAccessCode>> Issue(ImmutableArray<string> judgeIds)
    {
        var now = clock.GetUtcNow();
        var sequence = state.State.Sequence + 1;
        var issued = judgeIds.Distinct().Select(id => new IssuedAccessCode(id, AccessCodeGenerator.NewCode(), now)).ToImmutableArray();
        var codes = state.State.Codes.SetItems(issued.Select(i =>
            KeyValuePair.Create(i.JudgeId, new AccessCodeEntry(AccessCodeGenerator.Hash(i.Code), now, null) { Generation = sequence })));
        await state.CommitAsync(state.State with { Codes = codes, Sequence = sequence }, GrainContext);
        await Notify();
        return issued;
    }

    public async Task<bool> Revoke(string judgeId)
    {
        if (!state.State.Codes.TryGetValue(judgeId, out var entry) || entry.RevokedAt is not null)
            return false;
        var codes = state.State.Codes.SetItem(judgeId, entry with { RevokedAt = clock.GetUtcNow() });
        await state.CommitAsync(state.State with { Codes = codes, Sequence = state.State.Sequence + 1 }, GrainContext);
        await Notify();
        return true;
    }

    public Task<AccessSession?> Redeem(string code)
    {
        var hash = AccessCodeGenerator.Hash(code ?? "");
        var match = state.State.Codes.FirstOrDefault(c => c.Value.CodeHash == hash && c.Value.RevokedAt is null);
        return Task.FromResult(match.Key is null ? null : new AccessSession(match.Key, match.Value.Generation));
    }

    public Task<ImmutableArray<AccessCodeStatus>> List() =>
        Task.FromResult(state.State.Codes.Select(c => new AccessCodeStatus(c.Key, c.Value.IssuedAt, c.Value.RevokedAt))
            .OrderBy(s => s.JudgeId, StringComparer.Ordinal).ToImmutableArray());

    public Task<AccessGenerations> Subscribe(IAccessObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(Current());
    }

    private AccessGenerations Current() => new(state.State.Sequence,
        state.State.Codes.Where(c => c.Value.RevokedAt is null).ToImmutableDictionary(c => c.Key, c => c.Value.Generation));

    // One-way: a gateway that misses this learns the change at its next renewal.
    private async Task Notify()
    {
        var current = Current();
        await _observers.Notify(o => o.GenerationsChanged(current));
    }
}
