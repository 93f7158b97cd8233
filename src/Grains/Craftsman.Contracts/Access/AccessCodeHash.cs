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
        var canonical = new string([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
