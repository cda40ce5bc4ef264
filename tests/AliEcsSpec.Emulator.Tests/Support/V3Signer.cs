using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>
/// A small ACS3-HMAC-SHA256 signer written for the tests from Alibaba Cloud's "V3 request structure and signature"
/// page, independently of the emulator's verifier and of the client: it percent-encodes byte by byte and builds the
/// canonical request as one list of lines, so that a canonicalization bug in the emulator is not repeated here.
/// </summary>
internal static class V3Signer
{
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>RFC 3986: only letters, digits and <c>-_.~</c> stay as they are.</summary>
    public static string Percent(string text)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            var unreserved = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';
            encoded.Append(unreserved ? c.ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return encoded.ToString();
    }

    public static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    public static string Sha256Hex(byte[] data) => Hex(SHA256.HashData(data));

    /// <summary>The canonical request of an RPC call (path <c>/</c>) whose every header in <paramref name="signed"/> is signed.</summary>
    public static string CanonicalRequest(string method, IEnumerable<(string Name, string Value)> query, SortedDictionary<string, string> signed, string payloadHash)
    {
        var canonicalQuery = query.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{Percent(p.Name)}={Percent(p.Value)}");
        List<string> lines = [method, "/", string.Join("&", canonicalQuery)];
        lines.AddRange(signed.Select(h => $"{h.Key}:{h.Value.Trim()}"));
        lines.Add(string.Empty);
        lines.Add(string.Join(";", signed.Keys));
        lines.Add(payloadHash);
        return string.Join("\n", lines);
    }

    /// <summary>The <c>Authorization</c> header value for <paramref name="canonicalRequest"/>.</summary>
    public static string Authorization(string accessKeyId, string secret, string canonicalRequest, IEnumerable<string> signedNames)
    {
        var stringToSign = Algorithm + "\n" + Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signature = Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return $"{Algorithm} Credential={accessKeyId},SignedHeaders={string.Join(";", signedNames)},Signature={signature}";
    }
}
