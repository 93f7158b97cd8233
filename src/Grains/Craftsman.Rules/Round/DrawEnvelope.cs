using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Craftsman.Rules.Round;

/// <summary>
/// The encryption officer's sealed envelope: a blind round's draw numbers and the salt of their
/// commitment. The ledger records only the commitment, so an export read before publication names
/// nobody; publication records the envelope's contents, and anyone can check them against the
/// commitment recorded at the draw.
/// </summary>
public sealed record DrawEnvelope(string Salt, ImmutableDictionary<string, int> Numbers)
{
    public string Commitment => CommitmentOf(Salt, Numbers);

    public static string CommitmentOf(string salt, IReadOnlyDictionary<string, int> numbers)
    {
        var text = new StringBuilder(salt);
        foreach (var (id, number) in numbers.OrderBy(n => n.Key, StringComparer.Ordinal))
            text.Append('\n').Append(id).Append('=').Append(number.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
