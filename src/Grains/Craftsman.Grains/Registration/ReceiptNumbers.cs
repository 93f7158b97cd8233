using System.Security.Cryptography;

namespace Craftsman.Grains.Registration;

/// <summary>
/// Receipt numbers a registrant can copy from a screen and type again: ten characters without
/// look-alikes in two groups ("7KQ4M-9PXR2"), drawn at random so one receipt says nothing about
/// another; with the ID digits they let the registrant, and no one else, read their status.
/// </summary>
public static class ReceiptNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    public static string Canonical(string? typed) =>
        new([.. (typed ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
