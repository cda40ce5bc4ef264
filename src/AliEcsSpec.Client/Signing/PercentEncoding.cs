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

    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    private static readonly SearchValues<char> UnreservedChars = SearchValues.Create(Unreserved);

    private static readonly SearchValues<byte> UnreservedBytes = SearchValues.Create(Encoding.ASCII.GetBytes(Unreserved));

    /// <summary>
    /// A bound on the bytes the encoding of <paramref name="text"/> takes, without reading it: a UTF-16 unit is at most
    /// three UTF-8 bytes, each written as three.
    /// </summary>
    public static int MaxEncodedLength(string text) => text.Length * 9;

    /// <summary>Encodes <paramref name="value"/>.</summary>
    /// <param name="value">The text. A lone surrogate is encoded as U+FFFD (validated requests have none).</param>
    public static string Encode(string value)
    {
        var encoded = new byte[MaxEncodedLength(value)];
        return Encoding.ASCII.GetString(encoded, 0, Write(value, encoded));
    }

    /// <summary>Writes the encoding of <paramref name="text"/> as ASCII bytes; returns how many were written.</summary>
    public static int Write(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var written = 0;
        while (!text.IsEmpty)
        {
            // Most of a request is unreserved (names, IDs): such runs are copied whole.
            var run = text.IndexOfAnyExcept(UnreservedChars);
            var plain = run < 0 ? text.Length : run;
            Ascii.FromUtf16(text[..plain], destination[written..], out var copied);
            written += copied;
            if (run < 0)
            {
                break;
            }

            written = WriteEscaped(text[run..], destination, written, out var consumed);
            text = text[(run + consumed)..];
        }

        return written;
    }

    /// <summary>Writes <c>%XX</c> for each UTF-8 byte of the character that starts <paramref name="text"/>.</summary>
    private static int WriteEscaped(ReadOnlySpan<char> text, Span<byte> destination, int at, out int consumed)
    {
        Rune.DecodeFromUtf16(text, out var rune, out consumed);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
        {
            at = WriteEscaped(b, destination, at);
        }

        return at;
    }

    /// <summary>Writes the encoding of ASCII bytes (the canonical query, encoded again for the string to sign).</summary>
    public static int Write(ReadOnlySpan<byte> ascii, Span<byte> destination)
    {
        var written = 0;
        while (!ascii.IsEmpty)
        {
            var run = ascii.IndexOfAnyExcept(UnreservedBytes);
            var plain = run < 0 ? ascii.Length : run;
            ascii[..plain].CopyTo(destination[written..]);
            written += plain;
            if (run < 0)
            {
                break;
            }

            written = WriteEscaped(ascii[run], destination, written);
            ascii = ascii[(run + 1)..];
        }

        return written;
    }

    /// <summary>Writes <c>%XX</c> for one byte at <paramref name="at"/>; returns where the next goes.</summary>
    private static int WriteEscaped(byte b, Span<byte> destination, int at)
    {
        destination[at] = (byte)'%';
        destination[at + 1] = (byte)HexDigits[b >> 4];
        destination[at + 2] = (byte)HexDigits[b & 0xF];
        return at + 3;
    }
}
