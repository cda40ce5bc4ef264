using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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

    /// <summary>Orders parameter names the way the signature requires: by UTF-16 code unit, ordinal.</summary>
    public static readonly IComparer<KeyValuePair<string, string>> ParameterOrder =
        Comparer<KeyValuePair<string, string>>.Create(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

    /// <summary>
    /// The complete, signed form body of one attempt: the operation's parameters plus the common parameters
    /// (<c>Action</c>, <c>Version</c>, <c>Format</c>, <c>AccessKeyId</c>, <c>SignatureMethod</c>, <c>SignatureVersion</c>,
    /// <c>SignatureNonce</c>, <c>Timestamp</c> and <c>SecurityToken</c> when set) and <c>Signature</c>.
    /// </summary>
    public static SignedRpcForm SignForm(UnsignedRpcRequest request, SigningKey key, DateTimeOffset timestamp, Guid nonce)
    {
        var parameters = CommonParameters(request, timestamp, nonce);
        parameters.Add(new("AccessKeyId", key.AccessKeyId));
        parameters.Add(new("SignatureMethod", SignatureMethod));
        parameters.Add(new("SignatureVersion", SignatureVersion));
        if (key.SecurityToken is { } token)
        {
            parameters.Add(new("SecurityToken", token));
        }

        parameters.Sort(ParameterOrder);
        var canonical = Canonicalize(parameters);
        var signature = Sign("POST", canonical, key.AccessKeySecret);
        return new SignedRpcForm(Encoding.ASCII.GetBytes(canonical + "&Signature=" + PercentEncoding.Encode(signature)), signature);
    }

    /// <summary>
    /// The form body of an action that is not signed (STS <c>AssumeRoleWithOIDC</c>, which the OIDC token
    /// authenticates): the operation's parameters with <c>Action</c>, <c>Version</c>, <c>Format</c>,
    /// <c>SignatureNonce</c> and <c>Timestamp</c>.
    /// </summary>
    public static byte[] UnsignedForm(UnsignedRpcRequest request, DateTimeOffset timestamp, Guid nonce)
    {
        var parameters = CommonParameters(request, timestamp, nonce);
        parameters.Sort(ParameterOrder);
        return Encoding.ASCII.GetBytes(Canonicalize(parameters));
    }

    /// <summary>A new <c>SignatureNonce</c> for one attempt: unique, not secret (the signature protects the request).</summary>
    public static Guid NewNonce() => Guid.NewGuid();

    /// <summary>Formats a time as <see cref="TimestampFormat"/>, in UTC.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The canonical query string of parameters already sorted with <see cref="ParameterOrder"/>.</summary>
    public static string Canonicalize(IReadOnlyList<KeyValuePair<string, string>> sortedParameters) =>
        string.Join('&', sortedParameters.Select(static p => PercentEncoding.Encode(p.Key) + "=" + PercentEncoding.Encode(p.Value)));

    /// <summary>The string to sign: <c>METHOD&amp;%2F&amp;encode(canonical)</c>.</summary>
    public static string ComposeStringToSign(string httpMethod, string canonicalQuery) =>
        httpMethod + "&%2F&" + PercentEncoding.Encode(canonicalQuery);

    /// <summary>The Base64 HMAC-SHA1 signature of a canonical query string.</summary>
    public static string Sign(string httpMethod, string canonicalQuery, string accessKeySecret) =>
#pragma warning disable CA5350 // HMAC-SHA1 is what SignatureMethod=HMAC-SHA1 means; the service defines it, not this client.
        Convert.ToBase64String(HMACSHA1.HashData(
            Encoding.UTF8.GetBytes(accessKeySecret + "&"),
            Encoding.UTF8.GetBytes(ComposeStringToSign(httpMethod, canonicalQuery))));
#pragma warning restore CA5350

    private static List<KeyValuePair<string, string>> CommonParameters(UnsignedRpcRequest request, DateTimeOffset timestamp, Guid nonce) =>
    [
        .. request.Parameters,
        new("Action", request.Action),
        new("Version", request.Version),
        new("Format", "JSON"),
        new("SignatureNonce", nonce.ToString("D")),
        new("Timestamp", FormatTimestamp(timestamp)),
    ];
}

/// <summary>A signed form body and the signature it carries (kept so that it can be redacted from any echo).</summary>
/// <param name="Body">The <c>application/x-www-form-urlencoded</c> body, ASCII.</param>
/// <param name="Signature">The Base64 signature.</param>
internal readonly record struct SignedRpcForm(byte[] Body, string Signature);
