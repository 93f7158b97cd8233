using System.Collections.Immutable;

namespace Craftsman.Grains.Registration;

/// <summary>
/// Entries for one person: the same name, the same ID digits and the same employer, each compared
/// in its <see cref="FieldText.Comparable"/> form. Registration never refuses a duplicate (that
/// would tell a stranger who has registered); the office sees them listed and accepts one.
/// </summary>
public static class DuplicateDetector
{
    public static string PersonKey(RegistrationRecord r) =>
        $"{FieldText.Comparable(r.Form.Name)}\u001f{r.Form.IdLast4}\u001f{FieldText.Comparable(r.Form.Employer)}";

    /// <summary>Receipt → the other entries' receipts for the same person, in the order received (empty when none).</summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> Find(IEnumerable<RegistrationRecord> entries)
    {
        var groups = entries.GroupBy(PersonKey).ToList();
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>();
        foreach (var group in groups)
        {
            var receipts = group.Select(r => r.ReceiptNumber).ToImmutableArray();
            foreach (var receipt in receipts)
                result[receipt] = receipts.Remove(receipt);
        }
        return result.ToImmutable();
    }
}
