using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Collections.Immutable;
using Craftsman.Contracts.Access;
using Orleans.Utilities;

namespace Craftsman.Grains.Access;

/// <summary>
/// An edition's codes. Each code is also entered in the cross-edition index before this grain
/// stores it (so a stored code is always findable by the code alone) and taken out after it is
/// replaced or revoked; an index entry left behind by a crash in between finds no live code here.
/// </summary>
public sealed class AccessCodeGrain(
    [PersistentState("access-codes", StorageNames.Craftsman)] IPersistentState<AccessCodeState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock,
    ILogger<AccessCodeGrain> logger)
    : Grain, IAccessCodeGrain
{
    private string EditionId => this.GetPrimaryKeyString();

    /// <summary>How long a gateway's subscription lasts unless renewed.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IAccessObserver> _observers = new(SubscriptionLifetime, logger);

    public async Task<ImmutableArray<IssuedAccessCode>> Issue(ImmutableArray<string> judgeIds)
    {
        var now = clock.GetUtcNow();
        var sequence = state.State.Sequence + 1;
        var codes = await Task.WhenAll(judgeIds.Distinct().Select(async id => new IssuedAccessCode(id, await ClaimFreshCode(id), now)));
        var issued = codes.ToImmutableArray();
        var replaced = issued.Where(i => state.State.Codes.ContainsKey(i.JudgeId)).Select(i => (i.JudgeId, state.State.Codes[i.JudgeId].CodeHash)).ToList();
        var entries = state.State.Codes.SetItems(issued.Select(i =>
            KeyValuePair.Create(i.JudgeId, new AccessCodeEntry(AccessCodeGenerator.Hash(i.Code), now, null) { Generation = sequence })));
        await state.CommitAsync(state.State with { Codes = entries, Sequence = sequence }, GrainContext);
        await Notify();
        await Task.WhenAll(replaced.Select(r => Index(r.CodeHash).Release(new AccessCodeHolder(EditionId, r.JudgeId))));
        return issued;
    }

    public async Task<bool> Revoke(string judgeId)
    {
        if (!state.State.Codes.TryGetValue(judgeId, out var entry) || entry.RevokedAt is not null)
            return false;
        var codes = state.State.Codes.SetItem(judgeId, entry with { RevokedAt = clock.GetUtcNow() });
        await state.CommitAsync(state.State with { Codes = codes, Sequence = state.State.Sequence + 1 }, GrainContext);
        await Notify();
        await Index(entry.CodeHash).Release(new AccessCodeHolder(EditionId, judgeId));
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

    /// <summary>A new code no edition holds: drawn again in the (≈ 2^-59) case the index already has it.</summary>
    private async Task<string> ClaimFreshCode(string holderId)
    {
        while (true)
        {
            var code = AccessCodeGenerator.NewCode();
            if (await Index(AccessCodeGenerator.Hash(code)).Claim(new AccessCodeHolder(EditionId, holderId)))
                return code;
        }
    }

    private IAccessCodeIndexGrain Index(string codeHash) => GrainFactory.GetGrain<IAccessCodeIndexGrain>(codeHash);

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
