using System.Collections.Immutable;
using Craftsman.Contracts.Registration;

namespace Craftsman.Grains.Registration;

/// <summary>
/// The office's decision on an entry. A rejection carries its reason (the registrant reads it); an
/// entry is not accepted while another entry for the same person is; a decision may be corrected,
/// and an entry keeps the contestant id of its first acceptance.
/// </summary>
public static class VettingRules
{
    public const int ReasonMax = 500;

    public static (RegistrationRecord? Decided, RegistrationRefusal? Refusal) Decide(
        ImmutableList<RegistrationRecord> entries, string receiptNumber, VettingDecision decision, DateTimeOffset now, Func<string> nextContestantId)
    {
        if (Find(entries, receiptNumber) is not { } entry)
            return (null, new(RegistrationRefusalCode.ReceiptNotFound, $"No entry has the receipt number '{receiptNumber}'."));
        var reason = FieldText.Clean(decision.Reason);
        if (!decision.Accept)
        {
            if (reason.Length == 0)
                return (null, new(RegistrationRefusalCode.ReasonRequired, "A rejection must give its reason.", "reason"));
            if (reason.Length > ReasonMax)
                return (null, new(RegistrationRefusalCode.FieldTooLong, $"A reason holds at most {ReasonMax} characters; it has {reason.Length}.", "reason"));
            return (entry with { Status = RegistrationStatus.Rejected, RejectionReason = reason, DecidedAt = now }, null);
        }

        var key = DuplicateDetector.PersonKey(entry);
        if (entries.FirstOrDefault(e => e.ReceiptNumber != entry.ReceiptNumber && e.Status == RegistrationStatus.Accepted && DuplicateDetector.PersonKey(e) == key) is { } accepted)
            return (null, new(RegistrationRefusalCode.DuplicateOfAccepted, $"Entry {accepted.ReceiptNumber} for the same person is already accepted; reject one of the two."));
        return (entry with
        {
            Status = RegistrationStatus.Accepted,
            RejectionReason = null,
            DecidedAt = now,
            ContestantId = entry.ContestantId ?? nextContestantId(),
        }, null);
    }

    /// <summary>The entry with this receipt, however it was typed (case, spaces and dashes aside).</summary>
    public static RegistrationRecord? Find(IEnumerable<RegistrationRecord> entries, string receiptNumber)
    {
        var wanted = ReceiptNumbers.Canonical(receiptNumber);
        return wanted.Length == 0 ? null : entries.FirstOrDefault(e => ReceiptNumbers.Canonical(e.ReceiptNumber) == wanted);
    }
}
