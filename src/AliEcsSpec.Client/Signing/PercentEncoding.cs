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

    /// <summary>Whether the ASCII byte or character is kept as is.</summary>
    public static bool IsUnreserved(int c) => c < 128 && Unreserved.Contains((char)c);

    /// <summary>Encodes <paramref name="value"/>; returns the same instance when nothing needs escaping.</summary>
    /// <param name="value">The text to encode. Must be well-formed UTF-16 (validated requests are).</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(Unreserved))
        {
            return value;
        }

        var length = GetEncodedLength(value);
        return string.Create(length, value, static (destination, source) => Write(source, destination));
    }

    /// <summary>The number of characters <see cref="Write"/> produces for <paramref name="value"/>.</summary>
    public static int GetEncodedLength(ReadOnlySpan<char> value)
    {
        var length = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            length += rune.Value < 128
                ? (IsUnreserved(rune.Value) ? 1 : 3)
                : rune.Utf8SequenceLength * 3;
        }

        return length;
    }

    /// <summary>Writes the encoding of <paramref name="value"/> into <paramref name="destination"/>.</summary>
    /// <returns>The number of characters written.</returns>
    public static int Write(ReadOnlySpan<char> value, Span<char> destination)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var written = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value < 128 && IsUnreserved(rune.Value))
            {
                destination[written++] = (char)rune.Value;
                continue;
            }

            var count = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < count; i++)
            {
                destination[written++] = '%';
                destination[written++] = HexDigits[utf8[i] >> 4];
                destination[written++] = HexDigits[utf8[i] & 0xF];
            }
        }

        return written;
    }

    /// <summary>
    /// Writes the encoding of an ASCII text as UTF-8 bytes (used for the string to sign, whose second encoding
    /// pass only ever sees ASCII).
    /// </summary>
    public static int WriteAsciiUtf8(ReadOnlySpan<char> ascii, Span<byte> destination)
    {
        var written = 0;
        foreach (var c in ascii)
        {
            if (IsUnreserved(c))
            {
                destination[written++] = (byte)c;
            }
            else
            {
                destination[written++] = (byte)'%';
                destination[written++] = (byte)HexDigits[c >> 4];
                destination[written++] = (byte)HexDigits[c & 0xF];
            }
        }

        return written;
    }
}
