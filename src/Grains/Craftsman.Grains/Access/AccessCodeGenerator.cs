using System.Security.Cryptography;
using Craftsman.Contracts.Access;

namespace Craftsman.Grains.Access;

/// <summary>
/// Codes a judge can type on a tablet: 12 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), shown in groups of four. 31^12 ≈ 2^59 possibilities, drawn from the OS's
/// cryptographic generator; a fast hash suffices to store codes of that entropy.
/// </summary>
public static class AccessCodeGenerator
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Length = 12;

    public static string NewCode()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var code = new string(chars);
        return $"{code[..4]}-{code[4..8]}-{code[8..]}";
    }

    /// <summary>Hash of the code as typed, ignoring case, spaces, dashes and full width (ＡＢ２３ from a Chinese input method).</summary>
    public static string Hash(string code) => AccessCodeHash.Of(code);
}
