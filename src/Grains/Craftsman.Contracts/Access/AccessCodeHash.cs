using System.Security.Cryptography;
using System.Text;

namespace Craftsman.Contracts.Access;

/// <summary>
/// The hash a code is stored and indexed under, of the code as typed ignoring case, spaces and
/// dashes. Codes carry ≈ 2^59 of randomness, so a fast hash suffices; the plain code is never stored.
/// </summary>
public static class AccessCodeHash
{
    public static string Of(string code)
    {
        // Full width (ＡＢ２３ from a Chinese input method) folds to ASCII first.
        var canonical = new string([.. code.Normalize(NormalizationForm.FormKC).ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
