using System.Text;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// Writes the canonical query and, in the same pass, its encoding for the string to sign: each byte written to the
/// query is written to the string to sign as <see cref="PercentEncoding"/> encodes it (<c>&amp;</c> as <c>%26</c>,
/// <c>=</c> as <c>%3D</c>, an escape's <c>%</c> as <c>%25</c>), so the query is never read back and encoded again.
/// </summary>
/// <param name="query">Room for the canonical query.</param>
/// <param name="stringToSign">Room for its encoding (after the method and <c>&amp;%2F&amp;</c>, which the caller writes).</param>
internal ref struct CanonicalQueryWriter(Span<byte> query, Span<byte> stringToSign)
{
    private readonly Span<byte> _query = query;
    private readonly Span<byte> _stringToSign = stringToSign;

    /// <summary>The bytes written to the canonical query.</summary>
    public int QueryLength { get; private set; }

    /// <summary>The bytes written to the string to sign.</summary>
    public int StringToSignLength { get; private set; }

    /// <summary>The bytes that encoding <paramref name="queryLength"/> bytes with this many reserved ones (separators and escapes' <c>%</c>) takes.</summary>
    public static int EncodedLength(int queryLength, int reservedBytes) => queryLength + (2 * reservedBytes);

    /// <summary>Writes <c>encode(name)=encode(value)</c>, after an <c>&amp;</c> unless it is the first pair.</summary>
    public void WritePair(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        if (QueryLength > 0)
        {
            WriteReserved((byte)'&');
        }

        WriteEncoded(name);
        WriteReserved((byte)'=');
        WriteEncoded(value);
    }

    private void WriteEncoded(ReadOnlySpan<char> value)
    {
        while (true)
        {
            var run = value.IndexOfAnyExcept(PercentEncoding.Unreserved);
            var plain = run < 0 ? value : value[..run];
            // Unreserved characters are ASCII and unchanged by either encoding: narrowed once (vectorised), copied once.
            var query = _query.Slice(QueryLength, plain.Length);
            Ascii.FromUtf16(plain, query, out _);
            query.CopyTo(_stringToSign[StringToSignLength..]);

            QueryLength += plain.Length;
            StringToSignLength += plain.Length;
            if (run < 0)
            {
                return;
            }

            value = value[run..];
            Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            value = value[consumed..];
            WriteEscaped(rune);
        }
    }

    private void WriteEscaped(Rune rune)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var count = rune.EncodeToUtf8(utf8);
        foreach (var b in utf8[..count])
        {
            WriteReserved((byte)'%');
            WriteUnreserved((byte)PercentEncoding.HexDigits[b >> 4]);
            WriteUnreserved((byte)PercentEncoding.HexDigits[b & 0xF]);
        }
    }

    /// <summary>A byte the string to sign escapes: <c>&amp;</c>, <c>=</c> or an escape's <c>%</c>.</summary>
    private void WriteReserved(byte b)
    {
        _query[QueryLength++] = b;
        _stringToSign[StringToSignLength++] = (byte)'%';
        _stringToSign[StringToSignLength++] = (byte)PercentEncoding.HexDigits[b >> 4];
        _stringToSign[StringToSignLength++] = (byte)PercentEncoding.HexDigits[b & 0xF];
    }

    private void WriteUnreserved(byte b)
    {
        _query[QueryLength++] = b;
        _stringToSign[StringToSignLength++] = b;
    }
}
