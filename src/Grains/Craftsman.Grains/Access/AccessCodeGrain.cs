using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using Craftsman.Contracts.Access;

namespace Craftsman.Grains.Access;

public sealed class AccessCodeGrain(
    [PersistentState("access-codes", StorageNames.Craftsman)] IPersistentState<AccessCodeState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock)
    : Grain, IAccessCodeGrain
{
    public async Task<ImmutableArray<IssuedAccessCode>> Issue(ImmutableArray<string> judgeIds)
    {
        var now = clock.GetUtcNow();
        var issued = judgeIds.Distinct().Select(id => new IssuedAccessCode(id, AccessCodeGenerator.NewCode(), now)).ToImmutableArray();
        var codes = state.State.Codes.SetItems(issued.Select(i =>
            KeyValuePair.Create(i.JudgeId, new AccessCodeEntry(AccessCodeGenerator.Hash(i.Code), now, null))));
        await state.CommitAsync(state.State with { Codes = codes }, GrainContext);
        return issued;
    }

    public async Task<bool> Revoke(string judgeId)
    {
        if (!state.State.Codes.TryGetValue(judgeId, out var entry) || entry.RevokedAt is not null)
            return false;
        var codes = state.State.Codes.SetItem(judgeId, entry with { RevokedAt = clock.GetUtcNow() });
        await state.CommitAsync(state.State with { Codes = codes }, GrainContext);
        return true;
    }

    public Task<string?> Redeem(string code)
    {
        var hash = AccessCodeGenerator.Hash(code ?? "");
        var match = state.State.Codes.FirstOrDefault(c => c.Value.CodeHash == hash && c.Value.RevokedAt is null);
        return Task.FromResult<string?>(match.Key);
    }

    public Task<ImmutableArray<AccessCodeStatus>> List() =>
        Task.FromResult(state.State.Codes.Select(c => new AccessCodeStatus(c.Key, c.Value.IssuedAt, c.Value.RevokedAt))
            .OrderBy(s => s.JudgeId, StringComparer.Ordinal).ToImmutableArray());
}
