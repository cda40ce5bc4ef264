using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Client.Tests.Support;

/// <summary>
/// An independent reference of the signature V3 (ACS3-HMAC-SHA256), written from Alibaba Cloud's page "V3 request
/// structure and signature" with <see cref="Uri.EscapeDataString"/>, <see cref="SHA256"/>, <see cref="HMACSHA256"/>
/// and plain string building. It shares no code with the library's signer, so that the two agreeing means something.
/// </summary>
internal static class AcsV3Oracle
{
    /// <summary>The page's steps 1 to 4 for one request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="query">The query parameters, in any order, not encoded.</param>
    /// <param name="headers">The request's headers, names in any case; the page's filter picks the signed ones.</param>
    /// <param name="body">The body as sent.</param>
    /// <param name="accessKeyId">The AccessKey ID.</param>
    /// <param name="secret">The AccessKey secret.</param>
    public static Steps Sign(
        string method,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        byte[] body,
        string accessKeyId,
        string secret)
    {
        // Step 1: "Filter out request headers that start with x-acs-, the Host header, and the Content-Type header",
        // lower-case the names, sort them, trim the values.
        var signed = headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .Where(h => h.Name.StartsWith("x-acs-", StringComparison.Ordinal) || h.Name is "host" or "content-type")
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var canonicalHeaders = string.Concat(signed.Select(h => h.Name + ":" + h.Value + "\n"));
        var signedHeaders = string.Join(";", signed.Select(h => h.Name));
        var canonicalRequest =
            method + "\n" +
            "/" + "\n" +
            Query(query) + "\n" +
            canonicalHeaders + "\n" +
            signedHeaders + "\n" +
            Hex(SHA256.HashData(body));

        // Step 2.
        var stringToSign = "ACS3-HMAC-SHA256" + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

        // Step 3: keyed with the secret as it is.
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

        // Step 4.
        var authorization = "ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature;
        return new Steps(canonicalRequest, stringToSign, signature, authorization);
    }

    /// <summary>
    /// The canonical query string (sorted, RFC 3986), which is also what a form body of the same parameters reads
    /// when it is sorted the same way.
    /// </summary>
    public static string Query(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>The page's HexEncode: lower-case Base16.</summary>
    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>What each step of the page gives.</summary>
    public sealed record Steps(string CanonicalRequest, string StringToSign, string Signature, string Authorization);
}
