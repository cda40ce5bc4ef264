using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Emulator.Authentication;

/// <summary>
/// The ACS3-HMAC-SHA256 computation of Alibaba Cloud's "V3 request structure and signature": the canonical request,
/// the string to sign and the signature. Written from that page, not from the client's signer.
/// </summary>
internal static class AcsV3Canonicalizer
{
    /// <summary>The one algorithm the emulator verifies (SHA-256 digests, HMAC-SHA256 signature).</summary>
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>
    /// <c>Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedRequestPayload</c>,
    /// where CanonicalHeaders ends with its own line feed, so an empty line precedes SignedHeaders.
    /// </summary>
    /// <param name="request">The request as received.</param>
    /// <param name="signedHeaders">The lower-case header names the Authorization header lists, in its order.</param>
    /// <param name="hashedPayload">The hex SHA-256 of the body the server received (not the one the client claims).</param>
    public static string CanonicalRequest(AcsV3Request request, IReadOnlyList<string> signedHeaders, string hashedPayload)
    {
        var text = new StringBuilder();
        text.Append(request.Method).Append('\n');
        text.Append(CanonicalUri(request.Path)).Append('\n');
        text.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = request.Headers.TryGetValue(name, out var received) ? received : [];
            // Several values of one header: each trimmed, sorted, joined by commas.
            text.Append(name).Append(':').AppendJoin(',', values.Select(v => v.Trim()).Order(StringComparer.Ordinal)).Append('\n');
        }

        text.Append('\n').AppendJoin(';', signedHeaders).Append('\n');
        text.Append(hashedPayload);
        return text.ToString();
    }

    /// <summary><c>ACS3-HMAC-SHA256 \n HexEncode(SHA256(CanonicalRequest))</c>.</summary>
    public static string StringToSign(string canonicalRequest) =>
        Algorithm + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>The lower-case hex HMAC-SHA256 of the string to sign, keyed with the secret itself (V2 appended <c>&amp;</c>).</summary>
    public static string Sign(string stringToSign, string secret) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();

    /// <summary>The lower-case hex SHA-256 of <paramref name="data"/>: HashedRequestPayload for a body.</summary>
    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    /// <summary>
    /// RFC 3986 percent-encoding of the UTF-8 bytes: letters, digits and <c>-_.~</c> stay, everything else becomes
    /// <c>%XX</c> (a space <c>%20</c>, never <c>+</c>; <c>*</c> is <c>%2A</c>).
    /// </summary>
    public static string Encode(string text) => Uri.EscapeDataString(text);

    /// <summary>Each <c>/</c>-separated segment of the path encoded; an empty path is <c>/</c>.</summary>
    public static string CanonicalUri(string path) =>
        path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(Encode));

    /// <summary>
    /// The parameters sorted by name (character codes, ascending), a repeated name by value, each written
    /// <c>Encode(name)=Encode(value)</c> (an empty value stays empty) and joined by <c>&amp;</c>.
    /// </summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join('&', query
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
}
