using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AliEcsSpec.Client.Credentials;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// Alibaba Cloud's RPC signature, version 1.0 with HMAC-SHA1:
/// <list type="number">
/// <item>sort every parameter except <c>Signature</c> by name in ordinal order;</item>
/// <item>canonical query: <c>encode(name)=encode(value)</c> joined by <c>&amp;</c>;</item>
/// <item>string to sign: <c>METHOD&amp;%2F&amp;encode(canonical query)</c>;</item>
/// <item>signature: Base64 of HMAC-SHA1 of the UTF-8 string to sign, keyed with <c>AccessKeySecret + "&amp;"</c>.</item>
/// </list>
/// </summary>
internal static class RpcSigner
{
    /// <summary>The <c>SignatureMethod</c> this signer implements.</summary>
    public const string SignatureMethod = "HMAC-SHA1";

    /// <summary>The <c>SignatureVersion</c> this signer implements.</summary>
    public const string SignatureVersion = "1.0";

    /// <summary>The <c>Timestamp</c> format: ISO 8601 in UTC, to the second.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private const int HmacSha1Length = 20;
    private const int Base64HmacSha1Length = 28;

    /// <summary>Up to this many bytes, the canonical query and the string to sign live on the stack (typical: about 1,200 together).</summary>
    private const int StackBufferLimit = 4096;
    private const int TimestampLength = 20;
    private const int NonceLength = 36;

    /// <summary>The common parameters <see cref="SignForm"/> adds (the security token included).</summary>
    private const int CommonParameterCount = 9;

    private static ReadOnlySpan<byte> Post => "POST"u8;

    private static ReadOnlySpan<byte> EncodedSlash => "&%2F&"u8;

    private static ReadOnlySpan<byte> SignatureField => "&Signature="u8;

    /// <summary>Orders parameter names the way the signature requires: by UTF-16 code unit, ordinal.</summary>
    public static readonly IComparer<KeyValuePair<string, string>> ParameterOrder =
        Comparer<KeyValuePair<string, string>>.Create(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

    /// <summary>
    /// Builds the complete, signed form body of one attempt: the operation's parameters plus the common parameters
    /// (<c>Action</c>, <c>Version</c>, <c>Format</c>, <c>AccessKeyId</c>, <c>SignatureMethod</c>, <c>SignatureVersion</c>,
    /// <c>SignatureNonce</c>, <c>Timestamp</c> and <c>SecurityToken</c> when set) and <c>Signature</c>.
    /// </summary>
    /// <remarks>
    /// This runs on every attempt, so it works in stack buffers (pooled ones for unusually large requests): the
    /// canonical query is written once, as bytes, and the string to sign and the HMAC are computed from it. The only
    /// allocations are the body itself and the signature text (kept to redact it from echoes).
    /// </remarks>
    public static SignedRpcForm SignForm(
        UnsignedRpcRequest request, AlibabaCloudCredentials credentials, DateTimeOffset timestamp, Guid nonce)
    {
        Span<char> timestampText = stackalloc char[TimestampLength];
        WriteTimestamp(timestamp.UtcDateTime, timestampText);
        Span<char> nonceText = stackalloc char[NonceLength];
        nonce.TryFormat(nonceText, out _, "D");

        // The common parameters, written straight in signature order (ordinal by name): their names are constants.
        var common = default(CommonParameters);
        var c = 0;
        common[c++] = new FormParameter("AccessKeyId", credentials.AccessKeyId);
        common[c++] = new FormParameter("Action", request.Action);
        common[c++] = new FormParameter("Format", "JSON");
        if (credentials.SecurityToken is { } token)
        {
            common[c++] = new FormParameter("SecurityToken", token);
        }

        common[c++] = new FormParameter("SignatureMethod", SignatureMethod);
        common[c++] = new FormParameter("SignatureNonce", null, FormValue.Nonce);
        common[c++] = new FormParameter("SignatureVersion", SignatureVersion);
        common[c++] = new FormParameter("Timestamp", null, FormValue.Timestamp);
        common[c++] = new FormParameter("Version", request.Version);

        var operation = request.Parameters;
        var count = operation.Count + c;
        var inline = default(InlineParameters);
        var rentedParameters = count > InlineParameters.Length ? ArrayPool<FormParameter>.Shared.Rent(count) : null;
        var parameters = rentedParameters ?? (Span<FormParameter>)inline;
        byte[]? rentedBuffer = null;
        try
        {
            var sorted = parameters[..count];
            SortInto(operation, sorted[c..]);
            MergeInto(((ReadOnlySpan<FormParameter>)common)[..c], sorted);

            // The canonical query and the string to sign are written in one pass, into one buffer: their lengths
            // are known from the parameters, without reading the query back.
            var length = CanonicalLength(sorted, timestampText, nonceText, out var reserved);
            var dataLength = Post.Length + EncodedSlash.Length + CanonicalQueryWriter.EncodedLength(length, reserved);
            rentedBuffer = length + dataLength > StackBufferLimit ? ArrayPool<byte>.Shared.Rent(length + dataLength) : null;
            var buffer = rentedBuffer is null ? stackalloc byte[length + dataLength] : rentedBuffer.AsSpan(0, length + dataLength);
            var canonical = buffer[..length];
            var data = buffer.Slice(length, dataLength);
            Post.CopyTo(data);
            EncodedSlash.CopyTo(data[Post.Length..]);
            var writer = new CanonicalQueryWriter(canonical, data[(Post.Length + EncodedSlash.Length)..]);
            foreach (var parameter in sorted)
            {
                writer.WritePair(parameter.Name, parameter.ValueText(timestampText, nonceText));
            }

            Debug.Assert(writer.QueryLength == length && Post.Length + EncodedSlash.Length + writer.StringToSignLength == dataLength, "The lengths worked out before writing are the lengths written.");
            Span<char> signature = stackalloc char[Base64HmacSha1Length];
            SignStringToSign(data, credentials.AccessKeySecret, signature);

            var body = new byte[length + SignatureField.Length + PercentEncoding.GetEncodedLength(signature)];
            canonical[..length].CopyTo(body);
            SignatureField.CopyTo(body.AsSpan(length));
            PercentEncoding.WriteUtf8(signature, body.AsSpan(length + SignatureField.Length));
            return new SignedRpcForm(body, new string(signature));
        }
        finally
        {
            if (rentedParameters is not null)
            {
                ArrayPool<FormParameter>.Shared.Return(rentedParameters, clearArray: true);
            }

            if (rentedBuffer is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBuffer);
            }
        }
    }

    /// <summary>
    /// Copies the operation's parameters into <paramref name="destination"/> in signature order. Insertion sort: there
    /// are a handful, and it compares names directly, where a general sort would call a delegate per comparison.
    /// </summary>
    private static void SortInto(IReadOnlyList<KeyValuePair<string, string>> operation, Span<FormParameter> destination)
    {
        for (var n = 0; n < operation.Count; n++)
        {
            // Indexed, not foreach: enumerating an IReadOnlyList boxes its enumerator on every attempt.
            var parameter = new FormParameter(operation[n].Key, operation[n].Value);
            var at = n;
            for (; at > 0 && string.CompareOrdinal(destination[at - 1].Name, parameter.Name) > 0; at--)
            {
                destination[at] = destination[at - 1];
            }

            destination[at] = parameter;
        }
    }

    /// <summary>
    /// Merges the sorted <paramref name="common"/> parameters into <paramref name="all"/>, whose tail (after the first
    /// <c>common.Length</c> places) holds the sorted operation parameters. In place: the write position never passes
    /// the next operation parameter still to be read.
    /// </summary>
    private static void MergeInto(ReadOnlySpan<FormParameter> common, Span<FormParameter> all)
    {
        int next = 0, own = common.Length, write = 0;
        while (next < common.Length)
        {
            all[write++] = own < all.Length && string.CompareOrdinal(all[own].Name, common[next].Name) < 0
                ? all[own++]
                : common[next++];
        }
    }

    /// <summary>A new <c>SignatureNonce</c> for one attempt.</summary>
    /// <remarks>
    /// A nonce must be unique, not secret: the service refuses a nonce it has seen in the last 15 minutes, and the
    /// signature already protects the request. 128 bits from the process's shared generator (seeded by the OS) make a
    /// repeat impossibly unlikely, without the system call that <see cref="Guid.NewGuid"/> costs on every attempt.
    /// </remarks>
    public static Guid NewNonce()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>The canonical query string of parameters already sorted with <see cref="ParameterOrder"/>.</summary>
    public static string Canonicalize(IReadOnlyList<KeyValuePair<string, string>> sortedParameters)
    {
        var parameters = new FormParameter[sortedParameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new FormParameter(sortedParameters[i].Key, sortedParameters[i].Value);
        }

        var bytes = new byte[CanonicalLength(parameters, default, default)];
        WriteCanonical(parameters, default, default, bytes);
        return Encoding.ASCII.GetString(bytes);
    }

    /// <summary>The length in bytes of the canonical query of <paramref name="sorted"/>.</summary>
    private static int CanonicalLength(ReadOnlySpan<FormParameter> sorted, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> nonce) =>
        CanonicalLength(sorted, timestamp, nonce, out _);

    /// <summary>
    /// The length in bytes of the canonical query of <paramref name="sorted"/>, and how many of its bytes the string
    /// to sign escapes again: the <c>&amp;</c> and <c>=</c> separators and the <c>%</c> of every escape.
    /// </summary>
    private static int CanonicalLength(ReadOnlySpan<FormParameter> sorted, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> nonce, out int reserved)
    {
        var length = Math.Max(0, sorted.Length - 1);
        reserved = length + sorted.Length;
        foreach (var parameter in sorted)
        {
            length += PercentEncoding.GetEncodedLength(parameter.Name, out var nameEscapes) + 1
                + PercentEncoding.GetEncodedLength(parameter.ValueText(timestamp, nonce), out var valueEscapes);
            reserved += nameEscapes + valueEscapes;
        }

        return length;
    }

    /// <summary>Writes <c>encode(name)=encode(value)</c> pairs joined by <c>&amp;</c>, as ASCII bytes.</summary>
    private static void WriteCanonical(ReadOnlySpan<FormParameter> sorted, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> nonce, Span<byte> destination)
    {
        var position = 0;
        foreach (var parameter in sorted)
        {
            if (position > 0)
            {
                destination[position++] = (byte)'&';
            }

            position += PercentEncoding.WriteUtf8(parameter.Name, destination[position..]);
            destination[position++] = (byte)'=';
            position += PercentEncoding.WriteUtf8(parameter.ValueText(timestamp, nonce), destination[position..]);
        }
    }

    /// <summary>The string to sign: <c>METHOD&amp;%2F&amp;encode(canonical)</c>.</summary>
    public static string ComposeStringToSign(string httpMethod, string canonicalQuery)
    {
        var method = Encoding.ASCII.GetBytes(httpMethod);
        var canonical = Encoding.ASCII.GetBytes(canonicalQuery);
        var bytes = new byte[GetStringToSignLength(method, canonical)];
        return Encoding.ASCII.GetString(bytes, 0, WriteStringToSign(method, canonical, bytes));
    }

    /// <summary>The Base64 HMAC-SHA1 signature of a canonical query string.</summary>
    public static string Sign(string httpMethod, string canonicalQuery, string accessKeySecret)
    {
        Span<char> signature = stackalloc char[Base64HmacSha1Length];
        Sign(Encoding.ASCII.GetBytes(httpMethod), Encoding.ASCII.GetBytes(canonicalQuery), accessKeySecret, signature);
        return new string(signature);
    }

    /// <summary>Writes the Base64 HMAC-SHA1 signature of a canonical query (ASCII bytes) into <paramref name="signature"/>.</summary>
    private static void Sign(ReadOnlySpan<byte> httpMethod, ReadOnlySpan<byte> canonicalQuery, string accessKeySecret, Span<char> signature)
    {
        var dataLength = GetStringToSignLength(httpMethod, canonicalQuery);
        var rentedData = dataLength > StackBufferLimit ? ArrayPool<byte>.Shared.Rent(dataLength) : null;
        var data = rentedData is null ? stackalloc byte[dataLength] : rentedData.AsSpan(0, dataLength);
        try
        {
            WriteStringToSign(httpMethod, canonicalQuery, data);
            SignStringToSign(data, accessKeySecret, signature);
        }
        finally
        {
            if (rentedData is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedData);
            }
        }
    }

    /// <summary>Writes the Base64 HMAC-SHA1 of a string to sign into <paramref name="signature"/>.</summary>
    private static void SignStringToSign(ReadOnlySpan<byte> stringToSign, string accessKeySecret, Span<char> signature)
    {
        Span<byte> hash = stackalloc byte[HmacSha1Length];
        PerThreadHmacSha1.Compute(accessKeySecret, stringToSign, hash);
        Convert.TryToBase64Chars(hash, signature, out _);
    }

    private static int GetStringToSignLength(ReadOnlySpan<byte> httpMethod, ReadOnlySpan<byte> canonicalQuery) =>
        httpMethod.Length + EncodedSlash.Length + PercentEncoding.GetEncodedLength(canonicalQuery);

    private static int WriteStringToSign(ReadOnlySpan<byte> httpMethod, ReadOnlySpan<byte> canonicalQuery, Span<byte> destination)
    {
        httpMethod.CopyTo(destination);
        var position = httpMethod.Length;
        EncodedSlash.CopyTo(destination[position..]);
        position += EncodedSlash.Length;
        return position + PercentEncoding.WriteAscii(canonicalQuery, destination[position..]);
    }

    /// <summary>Writes <paramref name="utc"/> as <see cref="TimestampFormat"/> (<c>2026-11-23T08:30:15Z</c>).</summary>
    private static void WriteTimestamp(DateTime utc, Span<char> destination)
    {
        // By hand: a custom format string is parsed on every call, and this runs on every attempt.
        WriteDigits(utc.Year, destination[..4]);
        destination[4] = '-';
        WriteDigits(utc.Month, destination.Slice(5, 2));
        destination[7] = '-';
        WriteDigits(utc.Day, destination.Slice(8, 2));
        destination[10] = 'T';
        WriteDigits(utc.Hour, destination.Slice(11, 2));
        destination[13] = ':';
        WriteDigits(utc.Minute, destination.Slice(14, 2));
        destination[16] = ':';
        WriteDigits(utc.Second, destination.Slice(17, 2));
        destination[19] = 'Z';
    }

    private static void WriteDigits(int value, Span<char> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Where a parameter's value comes from: its text, or one of the per-attempt values kept on the stack.</summary>
    private enum FormValue : byte
    {
        Text,
        Nonce,
        Timestamp,
    }

    /// <summary>Room on the stack for the common parameters <see cref="SignForm"/> adds.</summary>
    [System.Runtime.CompilerServices.InlineArray(CommonParameterCount)]
    private struct CommonParameters
    {
        private FormParameter _first;
    }

    /// <summary>Room on the stack for the parameters of a typical request (the largest documented one has about 20).</summary>
    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct InlineParameters
    {
        public const int Length = 32;

        private FormParameter _first;
    }

    /// <summary>One parameter of the form; the nonce and the timestamp are formatted on the stack, not into strings.</summary>
    private readonly record struct FormParameter(string Name, string? Text, FormValue Value = FormValue.Text)
    {
        public ReadOnlySpan<char> ValueText(ReadOnlySpan<char> timestamp, ReadOnlySpan<char> nonce) => Value switch
        {
            FormValue.Nonce => nonce,
            FormValue.Timestamp => timestamp,
            _ => Text,
        };
    }
}

/// <summary>A signed form body and the signature it carries (kept so that it can be redacted from any echo).</summary>
/// <param name="Body">The <c>application/x-www-form-urlencoded</c> body, ASCII.</param>
/// <param name="Signature">The Base64 signature.</param>
internal readonly record struct SignedRpcForm(byte[] Body, string Signature);
