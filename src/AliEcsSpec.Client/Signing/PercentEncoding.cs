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
    /// <summary>The upper-case hex digits of an escape.</summary>
    public const string HexDigits = "0123456789ABCDEF";

    private const string UnreservedCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    /// <summary>The characters the encoding keeps as they are.</summary>
    public static readonly SearchValues<char> Unreserved = SearchValues.Create(UnreservedCharacters);

    private static readonly SearchValues<byte> UnreservedBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"u8);

    /// <summary>
    /// The longest run of characters in <paramref name="value"/> that the encoding keeps as they are: every encoded
    /// form of the value (once, twice, or with '+' read as a space) contains it unchanged.
    /// </summary>
    public static ReadOnlySpan<char> LongestUnreservedRun(ReadOnlySpan<char> value)
    {
        var longest = ReadOnlySpan<char>.Empty;
        while (!value.IsEmpty)
        {
            var end = value.IndexOfAnyExcept(Unreserved);
            var run = end < 0 ? value : value[..end];
            if (run.Length > longest.Length)
            {
                longest = run;
            }

            if (end < 0)
            {
                break;
            }

            value = value[(end + 1)..];
        }

        return longest;
    }

    /// <summary>Encodes <paramref name="value"/>; returns the same instance when nothing needs escaping.</summary>
    /// <param name="value">The text to encode. Must be well-formed UTF-16 (validated requests are).</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(Unreserved))
        {
            return value;
        }

        var bytes = new byte[GetEncodedLength(value)];
        return Encoding.ASCII.GetString(bytes, 0, WriteUtf8(value, bytes));
    }

    /// <summary>The number of bytes <see cref="WriteUtf8"/> produces for <paramref name="value"/>.</summary>
    public static int GetEncodedLength(ReadOnlySpan<char> value) => GetEncodedLength(value, out _);

    /// <summary>
    /// The number of bytes <see cref="WriteUtf8"/> produces for <paramref name="value"/>, and how many of its UTF-8
    /// bytes it escapes (each escape is one more <c>%</c> for the string to sign to escape again).
    /// </summary>
    public static int GetEncodedLength(ReadOnlySpan<char> value, out int escapedBytes)
    {
        var length = 0;
        escapedBytes = 0;
        while (true)
        {
            // Runs of unreserved characters (most of any request) are skipped in one vectorised search.
            var run = value.IndexOfAnyExcept(Unreserved);
            if (run < 0)
            {
                return length + value.Length;
            }

            length += run;
            value = value[run..];
            Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            escapedBytes += rune.Utf8SequenceLength;
            length += rune.Utf8SequenceLength * 3;
            value = value[consumed..];
        }
    }

    /// <summary>
    /// Writes the encoding of <paramref name="value"/> as ASCII bytes, ready for a form body or for hashing.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public static int WriteUtf8(ReadOnlySpan<char> value, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var run = value.IndexOfAnyExcept(Unreserved);
            var plain = run < 0 ? value : value[..run];
            // Unreserved characters are ASCII, so narrowing them is their UTF-8 encoding. Runs are short (names,
            // IDs), where a plain loop beats the set-up of a vectorised conversion.
            var target = destination.Slice(written, plain.Length);
            for (var i = 0; i < plain.Length; i++)
            {
                target[i] = (byte)plain[i];
            }

            written += plain.Length;
            if (run < 0)
            {
                return written;
            }

            value = value[run..];
            written += WriteEscaped(ref value, destination[written..]);
        }
    }

    /// <summary>Writes the first character (or surrogate pair) of <paramref name="value"/> as %XX bytes and moves past it.</summary>
    private static int WriteEscaped(ref ReadOnlySpan<char> value, Span<byte> destination)
    {
        Rune.DecodeFromUtf16(value, out var rune, out var consumed);
        value = value[consumed..];
        Span<byte> utf8 = stackalloc byte[4];
        var count = rune.EncodeToUtf8(utf8);
        for (var i = 0; i < count; i++)
        {
            destination[(3 * i) + 0] = (byte)'%';
            destination[(3 * i) + 1] = (byte)HexDigits[utf8[i] >> 4];
            destination[(3 * i) + 2] = (byte)HexDigits[utf8[i] & 0xF];
        }

        return 3 * count;
    }

    /// <summary>The number of bytes <see cref="WriteAscii"/> produces for an ASCII text.</summary>
    public static int GetEncodedLength(ReadOnlySpan<byte> ascii)
    {
        var length = ascii.Length;
        while (true)
        {
            var run = ascii.IndexOfAnyExcept(UnreservedBytes);
            if (run < 0)
            {
                return length;
            }

            length += 2;
            ascii = ascii[(run + 1)..];
        }
    }

    /// <summary>
    /// Writes the encoding of an ASCII text (the string to sign's second encoding pass, which only ever sees the
    /// canonical query, itself ASCII).
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public static int WriteAscii(ReadOnlySpan<byte> ascii, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var run = ascii.IndexOfAnyExcept(UnreservedBytes);
            var plain = run < 0 ? ascii : ascii[..run];
            plain.CopyTo(destination[written..]);
            written += plain.Length;
            if (run < 0)
            {
                return written;
            }

            var c = ascii[run];
            destination[written++] = (byte)'%';
            destination[written++] = (byte)HexDigits[c >> 4];
            destination[written++] = (byte)HexDigits[c & 0xF];
            ascii = ascii[(run + 1)..];
        }
    }
}
