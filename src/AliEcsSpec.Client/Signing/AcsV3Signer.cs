using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// Alibaba Cloud's signature V3, ACS3-HMAC-SHA256 ("V3 request structure and signature"), for an RPC call:
/// <list type="number">
/// <item>canonical request: <c>METHOD\n/\n</c> canonical query <c>\n</c>, a <c>name:trimmed value\n</c> line per signed
/// header (lower-case names, sorted), <c>\n</c>, the names joined by <c>;</c>, <c>\n</c>, the hex SHA-256 of the body;</item>
/// <item>string to sign: <c>ACS3-HMAC-SHA256\n</c> and the hex SHA-256 of the canonical request;</item>
/// <item>signature: the hex HMAC-SHA256 of the string to sign, keyed with the AccessKey secret itself (V2 appends
/// <c>&amp;</c>);</item>
/// <item><c>Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…</c>.</item>
/// </list>
/// The operation's parameters travel as a form body (the page's <c>"in": "formData"</c>, which the official SDKs also
/// send for RPC), so that, as with V2, nothing of a request sits in its URL; the query is empty. Hex is lower-case.
/// </summary>
internal static class AcsV3Signer
{
    /// <summary>The signature algorithm, first word of <c>Authorization</c> and first line of the string to sign.</summary>
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>The <c>Content-Type</c> of the body, which is signed.</summary>
    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>The canonical name of the <c>Content-Type</c> header, which the handler sets on the content.</summary>
    public const string ContentTypeHeader = "content-type";

    private const string HexDigits = "0123456789abcdef";

    private const int HexSha256Length = SHA256.HashSizeInBytes * 2;

    /// <summary>
    /// Every request header a signed attempt sets besides <c>Content-Type</c>: the handler removes them all before it
    /// signs again, so that no header of an earlier attempt (a token since dropped, say) is sent twice or stale.
    /// </summary>
    public static ImmutableArray<string> RequestHeaderNames { get; } =
        ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-security-token", "x-acs-signature-nonce", "x-acs-version", "Authorization"];

    private static ReadOnlySpan<byte> AlgorithmLine => "ACS3-HMAC-SHA256\n"u8;

    /// <summary>
    /// Signs one attempt: the form body of the operation's parameters, the signed headers in canonical order
    /// (<c>content-type</c>, <c>host</c>, <c>x-acs-action</c>, <c>x-acs-content-sha256</c>, <c>x-acs-date</c>,
    /// <c>x-acs-security-token</c> when the key has one, <c>x-acs-signature-nonce</c>, <c>x-acs-version</c>) and the
    /// <c>Authorization</c> header.
    /// </summary>
    /// <param name="request">The action, version and the operation's parameters.</param>
    /// <param name="key">The AccessKey and, for temporary credentials, the STS token.</param>
    /// <param name="host">The <c>Host</c> header the attempt is sent with (see <see cref="HostOf"/>).</param>
    /// <param name="timestamp">The <c>x-acs-date</c>, already corrected by any learnt clock offset.</param>
    /// <param name="nonce">The <c>x-acs-signature-nonce</c>, new per attempt.</param>
    public static SignedAcsRequest Sign(UnsignedRpcRequest request, SigningKey key, string host, DateTimeOffset timestamp, Guid nonce)
    {
        var body = FormBody(request.Parameters);
        var hashedPayload = HexSha256(body);
        var headers = new KeyValuePair<string, string>[key.SecurityToken is null ? 7 : 8];
        var count = 0;
        headers[count++] = new(ContentTypeHeader, FormContentType);
        headers[count++] = new("host", host);
        headers[count++] = new("x-acs-action", request.Action);
        headers[count++] = new("x-acs-content-sha256", hashedPayload);
        headers[count++] = new("x-acs-date", RpcSigner.FormatTimestamp(timestamp));
        if (key.SecurityToken is { } token)
        {
            headers[count++] = new("x-acs-security-token", token);
        }

        headers[count++] = new("x-acs-signature-nonce", nonce.ToString("N"));
        headers[count] = new("x-acs-version", request.Version);

        var signedHeaders = SignedHeaders(headers);
        var signature = SignCanonicalRequest("POST", [], headers, signedHeaders, hashedPayload, key.AccessKeySecret);
        return new SignedAcsRequest(body, headers, ComposeAuthorization(key.AccessKeyId, signedHeaders, signature), signature);
    }

    /// <summary>
    /// The <c>Host</c> header of <paramref name="endpoint"/>: the host (Punycode for a DNS name, in brackets for IPv6)
    /// and the port unless it is the scheme's default. The handler sends exactly this value, so that the signed host
    /// is the sent one whatever the HTTP stack would have derived.
    /// </summary>
    public static string HostOf(Uri endpoint)
    {
        var host = endpoint.HostNameType == UriHostNameType.Dns ? endpoint.IdnHost : endpoint.Host;
        return endpoint.IsDefaultPort ? host : $"{host}:{endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>The canonical request of step 1, as text.</summary>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="sortedQuery">The query parameters, sorted by name (ordinal), not yet encoded.</param>
    /// <param name="sortedHeaders">The signed headers, lower-case names, sorted by name.</param>
    /// <param name="hashedPayload">The hex SHA-256 of the body.</param>
    public static string CanonicalRequest(
        string method, KeyValuePair<string, string>[] sortedQuery, KeyValuePair<string, string>[] sortedHeaders, string hashedPayload)
    {
        var signedHeaders = SignedHeaders(sortedHeaders);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxCanonicalRequestLength(method, sortedQuery, sortedHeaders, signedHeaders, hashedPayload));
        try
        {
            return Encoding.UTF8.GetString(buffer, 0, WriteCanonicalRequest(method, sortedQuery, sortedHeaders, signedHeaders, hashedPayload, buffer));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The string to sign of step 2: <c>ACS3-HMAC-SHA256\n</c> and the hex SHA-256 of the canonical request.</summary>
    public static string StringToSign(string canonicalRequest)
    {
        Span<byte> stringToSign = stackalloc byte[AlgorithmLine.Length + HexSha256Length];
        WriteStringToSign(Encoding.UTF8.GetBytes(canonicalRequest), stringToSign);
        return Encoding.ASCII.GetString(stringToSign);
    }

    /// <summary>The signature of step 3: the hex HMAC-SHA256 of the UTF-8 string to sign, keyed with the secret.</summary>
    public static string Signature(string stringToSign, string accessKeySecret) =>
        HmacHex(Encoding.UTF8.GetBytes(stringToSign), accessKeySecret);

    /// <summary>The signed header names of step 1, joined by <c>;</c>, in the order given.</summary>
    public static string SignedHeaders(ReadOnlySpan<KeyValuePair<string, string>> sortedHeaders)
    {
        var names = new string[sortedHeaders.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = sortedHeaders[i].Key;
        }

        return string.Join(';', names);
    }

    /// <summary>The <c>Authorization</c> header of step 4.</summary>
    public static string ComposeAuthorization(string accessKeyId, string signedHeaders, string signature) =>
        $"{Algorithm} Credential={accessKeyId},SignedHeaders={signedHeaders},Signature={signature}";

    /// <summary>The lower-case hex SHA-256 of <paramref name="data"/> (the page's HashedRequestPayload).</summary>
    public static string HexSha256(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        Span<char> hex = stackalloc char[HexSha256Length];
        WriteHex(hash, hex);
        return new string(hex);
    }

    /// <summary>The form body: <c>encode(name)=encode(value)</c> pairs sorted by name, as the V2 body orders them.</summary>
    private static byte[] FormBody(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var sorted = ArrayPool<KeyValuePair<string, string>>.Shared.Rent(parameters.Count);
        try
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                sorted[i] = parameters[i];
            }

            var span = sorted.AsSpan(0, parameters.Count);
            span.Sort(RpcSigner.ParameterOrder);
            var buffer = ArrayPool<byte>.Shared.Rent(RpcSigner.MaxCanonicalLength(span));
            try
            {
                return buffer.AsSpan(0, RpcSigner.WriteCanonical(span, buffer)).ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        finally
        {
            ArrayPool<KeyValuePair<string, string>>.Shared.Return(sorted, clearArray: true);
        }
    }

    /// <summary>Steps 1 to 3 in one pooled buffer, because they run on every attempt.</summary>
    private static string SignCanonicalRequest(
        string method,
        ReadOnlySpan<KeyValuePair<string, string>> sortedQuery,
        ReadOnlySpan<KeyValuePair<string, string>> sortedHeaders,
        string signedHeaders,
        string hashedPayload,
        string accessKeySecret)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxCanonicalRequestLength(method, sortedQuery, sortedHeaders, signedHeaders, hashedPayload));
        try
        {
            var length = WriteCanonicalRequest(method, sortedQuery, sortedHeaders, signedHeaders, hashedPayload, buffer);
            Span<byte> stringToSign = stackalloc byte[AlgorithmLine.Length + HexSha256Length];
            WriteStringToSign(buffer.AsSpan(0, length), stringToSign);
            return HmacHex(stringToSign, accessKeySecret);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int MaxCanonicalRequestLength(
        string method,
        ReadOnlySpan<KeyValuePair<string, string>> sortedQuery,
        ReadOnlySpan<KeyValuePair<string, string>> sortedHeaders,
        string signedHeaders,
        string hashedPayload)
    {
        // Five line feeds and the "/" of the URI, plus a ':' and a line feed per header.
        var chars = method.Length + 6 + signedHeaders.Length + hashedPayload.Length;
        foreach (var (name, value) in sortedHeaders)
        {
            chars += name.Length + value.Length + 2;
        }

        return Encoding.UTF8.GetMaxByteCount(chars) + RpcSigner.MaxCanonicalLength(sortedQuery);
    }

    private static int WriteCanonicalRequest(
        ReadOnlySpan<char> method,
        ReadOnlySpan<KeyValuePair<string, string>> sortedQuery,
        ReadOnlySpan<KeyValuePair<string, string>> sortedHeaders,
        ReadOnlySpan<char> signedHeaders,
        ReadOnlySpan<char> hashedPayload,
        Span<byte> destination)
    {
        var written = Encoding.UTF8.GetBytes(method, destination);
        // An RPC action has no resource path: its canonical URI is always "/".
        "\n/\n"u8.CopyTo(destination[written..]);
        written += 3;
        written += RpcSigner.WriteCanonical(sortedQuery, destination[written..]);
        destination[written++] = (byte)'\n';
        foreach (var (name, value) in sortedHeaders)
        {
            written += Encoding.UTF8.GetBytes(name, destination[written..]);
            destination[written++] = (byte)':';
            written += Encoding.UTF8.GetBytes(value.AsSpan().Trim(), destination[written..]);
            destination[written++] = (byte)'\n';
        }

        destination[written++] = (byte)'\n';
        written += Encoding.UTF8.GetBytes(signedHeaders, destination[written..]);
        destination[written++] = (byte)'\n';
        return written + Encoding.UTF8.GetBytes(hashedPayload, destination[written..]);
    }

    private static void WriteStringToSign(ReadOnlySpan<byte> canonicalRequest, Span<byte> destination)
    {
        AlgorithmLine.CopyTo(destination);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonicalRequest, hash);
        Span<char> hex = stackalloc char[HexSha256Length];
        WriteHex(hash, hex);
        Encoding.ASCII.GetBytes(hex, destination[AlgorithmLine.Length..]);
    }

    private static string HmacHex(ReadOnlySpan<byte> stringToSign, string accessKeySecret)
    {
        var keyLength = Encoding.UTF8.GetByteCount(accessKeySecret);
        var keyBuffer = ArrayPool<byte>.Shared.Rent(keyLength);
        try
        {
            var keyBytes = keyBuffer.AsSpan(0, keyLength);
            Encoding.UTF8.GetBytes(accessKeySecret, keyBytes);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(keyBytes, stringToSign, mac);
            Span<char> hex = stackalloc char[HMACSHA256.HashSizeInBytes * 2];
            WriteHex(mac, hex);
            return new string(hex);
        }
        finally
        {
            // The key bytes are the secret: they do not stay in a shared pool.
            CryptographicOperations.ZeroMemory(keyBuffer.AsSpan(0, keyLength));
            ArrayPool<byte>.Shared.Return(keyBuffer);
        }
    }

    // Convert.ToHexStringLower exists from .NET 9 only; the library also targets .NET 8.
    private static void WriteHex(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = HexDigits[bytes[i] >> 4];
            destination[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
        }
    }
}

/// <summary>What a V3-signed attempt sends, and its signature (kept so that it can be redacted from any echo).</summary>
/// <param name="Body">The <c>application/x-www-form-urlencoded</c> body, ASCII.</param>
/// <param name="SignedHeaders">The signed headers in canonical order, lower-case names, <c>content-type</c> first.</param>
/// <param name="Authorization">The <c>Authorization</c> header.</param>
/// <param name="Signature">The hex signature.</param>
internal readonly record struct SignedAcsRequest(
    byte[] Body, KeyValuePair<string, string>[] SignedHeaders, string Authorization, string Signature);
