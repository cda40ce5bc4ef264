using System.Buffers;
using System.Text;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// Alibaba Cloud's RPC percent-encoding: the UTF-8 bytes of a value, with the unreserved characters
/// <c>A–Z a–z 0–9 - _ . ~</c> kept and every other byte written as <c>%XX</c> in upper-case hex (so a space is
/// <c>%20</c>, never <c>+</c>, and <c>*</c> is <c>%2A</c>). The same encoding is used for the canonical query string,
/// the string to sign and the form body.
/// </summary>
internal static class PercentEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

    /// <summary>Encodes <paramref name="value"/>; returns the same instance when nothing needs escaping.</summary>
    /// <param name="value">The text to encode. A lone surrogate is encoded as U+FFFD (validated requests have none).</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(Unreserved))
        {
            return value;
        }

        var encoded = new StringBuilder(value.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && Unreserved.Contains((char)rune.Value))
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                encoded.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return encoded.ToString();
    }
}
