using System.Collections.Immutable;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Contracts.Registration;
using Microsoft.Extensions.DependencyInjection;

namespace Craftsman.Grains.Registration;

public sealed class RegistrationGrain(
    [PersistentState("registry", StorageNames.Craftsman)] IPersistentState<RegistryState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock)
    : Grain, IRegistrationGrain
{
    private RegistryState S => state.State;

    private string OccupationCode => GrainKeys.OccupationOf(this.GetPrimaryKeyString());

    public async Task<RegistrationRefusal?> SetWindow(OpenCallWindow window)
    {
        if (OpenCallRules.CheckWindow(window) is { } refusal)
            return refusal;
        await state.CommitAsync(S with { Window = window }, GrainContext);
        return null;
    }

    public async Task<RegistrationResult> Register(RegistrationForm form)
    {
        var now = clock.GetUtcNow();
        var (cleaned, invalid) = RegistrationValidator.Validate(form);
        if ((OpenCallRules.CanRegister(S.Window, now, S.Entries.Count) ?? invalid) is { } refusal)
            return new RegistrationResult(null, refusal);

        var receipt = ReceiptNumbers.New();
        while (VettingRules.Find(S.Entries, receipt) is not null)
            receipt = ReceiptNumbers.New();
        var record = new RegistrationRecord(receipt, cleaned, now, RegistrationStatus.Pending, null, null, null);
        await state.CommitAsync(S with { Entries = S.Entries.Add(record) }, GrainContext);
        return new RegistrationResult(View(record, DuplicateDetector.Find(S.Entries)), null);
    }

    public Task<RegistrantStatus?> GetRegistrantStatus(string receiptNumber, string idLast4)
    {
        var entry = VettingRules.Find(S.Entries, receiptNumber);
        return Task.FromResult(entry is not null && entry.Form.IdLast4 == FieldText.Clean(idLast4).ToUpperInvariant()
            ? new RegistrantStatus(entry.ReceiptNumber, entry.Status, entry.RejectionReason, entry.SubmittedAt, entry.DecidedAt)
            : null);
    }

    public Task<OpenCallSummary> GetSummary() => Task.FromResult(new OpenCallSummary(
        OccupationCode, S.Window, OpenCallRules.IsOpen(S.Window, clock.GetUtcNow()),
        S.Entries.Count, S.Entries.Count(e => e.Status == RegistrationStatus.Accepted)));

    public Task<ImmutableArray<RegistrationEntry>> GetEntries()
    {
        var duplicates = DuplicateDetector.Find(S.Entries);
        return Task.FromResult(S.Entries.Select(e => View(e, duplicates)).ToImmutableArray());
    }

    public async Task<RegistrationResult> Vet(string receiptNumber, VettingDecision decision)
    {
        var numbered = S.ContestantsNumbered;
        var (decided, refusal) = VettingRules.Decide(S.Entries, receiptNumber, decision, clock.GetUtcNow(),
            () => $"{OccupationCode}-R{++numbered:D3}");
        if (decided is null)
            return new RegistrationResult(null, refusal);
        var index = S.Entries.FindIndex(e => e.ReceiptNumber == decided.ReceiptNumber);
        await state.CommitAsync(S with { Entries = S.Entries.SetItem(index, decided), ContestantsNumbered = numbered }, GrainContext);
        return new RegistrationResult(View(decided, DuplicateDetector.Find(S.Entries)), null);
    }

    public Task<ImmutableArray<Contestant>> GetAccepted() => Task.FromResult(S.Entries
        .Where(e => e.Status == RegistrationStatus.Accepted)
        .Select(e => new Contestant(e.ContestantId!, e.Form.Name, e.Form.Employer, OccupationCode, ContestantRole.Challenger))
        .ToImmutableArray());

    private static RegistrationEntry View(RegistrationRecord r, ImmutableDictionary<string, ImmutableArray<string>> duplicates) =>
        new(r.ReceiptNumber, r.Form, r.SubmittedAt, r.Status, r.RejectionReason, r.DecidedAt, r.ContestantId,
            duplicates.GetValueOrDefault(r.ReceiptNumber, []));
}
