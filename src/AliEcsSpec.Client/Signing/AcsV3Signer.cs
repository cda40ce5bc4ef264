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

    /// <summary>
    /// Every request header a signed attempt sets besides <c>Content-Type</c>: the handler removes them all before it
    /// signs again, so that no header of an earlier attempt (a token since dropped, say) is sent twice or stale.
    /// </summary>
    public static ImmutableArray<string> RequestHeaderNames { get; } =
        ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-security-token", "x-acs-signature-nonce", "x-acs-version", "Authorization"];

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
        List<KeyValuePair<string, string>> headers =
        [
            new(ContentTypeHeader, FormContentType),
            new("host", host),
            new("x-acs-action", request.Action),
            new("x-acs-content-sha256", hashedPayload),
            new("x-acs-date", RpcSigner.FormatTimestamp(timestamp)),
        ];
        if (key.SecurityToken is { } token)
        {
            headers.Add(new("x-acs-security-token", token));
        }

        headers.Add(new("x-acs-signature-nonce", nonce.ToString("N")));
        headers.Add(new("x-acs-version", request.Version));

        var sortedHeaders = headers.ToArray();
        var signature = Signature(StringToSign(CanonicalRequest("POST", [], sortedHeaders, hashedPayload)), key.AccessKeySecret);
        return new SignedAcsRequest(body, sortedHeaders, ComposeAuthorization(key.AccessKeyId, SignedHeaders(sortedHeaders), signature), signature);
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

    /// <summary>
    /// The canonical request of step 1: <c>METHOD\n/\n</c> (an RPC action has no resource path), the canonical query,
    /// a <c>name:trimmed value</c> line per signed header, an empty line, the signed header names, the body's hash.
    /// </summary>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="sortedQuery">The query parameters, sorted by name (ordinal), not yet encoded.</param>
    /// <param name="sortedHeaders">The signed headers, lower-case names, sorted by name.</param>
    /// <param name="hashedPayload">The hex SHA-256 of the body.</param>
    public static string CanonicalRequest(
        string method, KeyValuePair<string, string>[] sortedQuery, KeyValuePair<string, string>[] sortedHeaders, string hashedPayload)
    {
        var text = new StringBuilder(512).Append(method).Append("\n/\n").Append(RpcSigner.Canonicalize(sortedQuery)).Append('\n');
        foreach (var (name, value) in sortedHeaders)
        {
            text.Append(name).Append(':').Append(value.AsSpan().Trim()).Append('\n');
        }

        return text.Append('\n').Append(SignedHeaders(sortedHeaders)).Append('\n').Append(hashedPayload).ToString();
    }

    /// <summary>The string to sign of step 2: <c>ACS3-HMAC-SHA256\n</c> and the hex SHA-256 of the canonical request.</summary>
    public static string StringToSign(string canonicalRequest) =>
        Algorithm + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>The signature of step 3: the hex HMAC-SHA256 of the UTF-8 string to sign, keyed with the secret itself.</summary>
    public static string Signature(string stringToSign, string accessKeySecret)
    {
        var keyBytes = Encoding.UTF8.GetBytes(accessKeySecret);
        try
        {
            return Hex(HMACSHA256.HashData(keyBytes, Encoding.UTF8.GetBytes(stringToSign)));
        }
        finally
        {
            // The key bytes are the secret: they do not wait in memory for the collector.
            CryptographicOperations.ZeroMemory(keyBytes);
        }
    }

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
    public static string HexSha256(ReadOnlySpan<byte> data) => Hex(SHA256.HashData(data));

    /// <summary>The form body: <c>encode(name)=encode(value)</c> pairs sorted by name, as the V2 body orders them.</summary>
    private static byte[] FormBody(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var sorted = parameters.ToArray();
        Array.Sort(sorted, RpcSigner.ParameterOrder);
        return Encoding.ASCII.GetBytes(RpcSigner.Canonicalize(sorted));
    }

    // Lower-case, as the page's HexEncode; Convert.ToHexStringLower exists from .NET 9 only.
    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}

/// <summary>What a V3-signed attempt sends, and its signature (kept so that it can be redacted from any echo).</summary>
/// <param name="Body">The <c>application/x-www-form-urlencoded</c> body, ASCII.</param>
/// <param name="SignedHeaders">The signed headers in canonical order, lower-case names, <c>content-type</c> first.</param>
/// <param name="Authorization">The <c>Authorization</c> header.</param>
/// <param name="Signature">The hex signature.</param>
internal readonly record struct SignedAcsRequest(
    byte[] Body, KeyValuePair<string, string>[] SignedHeaders, string Authorization, string Signature);
