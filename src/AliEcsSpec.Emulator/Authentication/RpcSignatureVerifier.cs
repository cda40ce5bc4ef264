using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Emulator.Authentication;

/// <summary>
/// Verifies Alibaba Cloud RPC signatures (HMAC-SHA1, SignatureVersion 1.0) the way the service does. Written
/// independently of the client's signer (it shares no code with it, and encodes with
/// <see cref="Uri.EscapeDataString(string)"/>), so that a bug in one cannot hide in the other.
/// </summary>
internal sealed class RpcSignatureVerifier(CallerRules rules)
{
    private static readonly string[] RequiredCommon =
        ["Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature"];

    /// <summary>Checks one request; returns null when it is authentic, otherwise the documented error.</summary>
    /// <param name="httpMethod">GET or POST.</param>
    /// <param name="parameters">Every parameter.</param>
    /// <param name="account">The AccessKey ID of the account the request acts for.</param>
    public ServiceError? Verify(string httpMethod, IReadOnlyDictionary<string, string> parameters, out string account)
    {
        account = string.Empty;
        foreach (var name in RequiredCommon)
        {
            if (!parameters.TryGetValue(name, out var value) || value.Length == 0)
            {
                return ServiceError.MissingParameter(name);
            }
        }

        if (parameters["SignatureMethod"] != "HMAC-SHA1" || parameters["SignatureVersion"] != "1.0")
        {
            return new ServiceError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
        }

        if (rules.FindPrincipal(parameters["AccessKeyId"], out var principal) is { } unknownKey)
        {
            return unknownKey;
        }

        var now = rules.Now();
        if (CallerRules.CheckTimestamp(parameters["Timestamp"], now) is { } staleOrMalformed)
        {
            return staleOrMalformed;
        }

        var expected = Sign(httpMethod, parameters, principal.Secret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parameters["Signature"])))
        {
            return new ServiceError(400, "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" + StringToSign(httpMethod, parameters));
        }

        var tokenError = CallerRules.CheckSecurityToken(principal, parameters.GetValueOrDefault("SecurityToken"), now)
            ?? rules.UseNonce(parameters["SignatureNonce"], now);
        if (tokenError is not null)
        {
            return tokenError;
        }

        account = principal.AccountAccessKeyId;
        return null;
    }

    /// <summary>The Base64 HMAC-SHA1 of the string to sign, keyed with <c>secret + "&amp;"</c>.</summary>
    public static string Sign(string httpMethod, IReadOnlyDictionary<string, string> parameters, string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret + "&");
        var data = Encoding.UTF8.GetBytes(StringToSign(httpMethod, parameters));
#pragma warning disable CA5350 // The protocol being emulated specifies HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(key, data));
#pragma warning restore CA5350
    }

    /// <summary><c>METHOD&amp;%2F&amp;</c> followed by the encoded canonical query of every parameter but <c>Signature</c>.</summary>
    public static string StringToSign(string httpMethod, IReadOnlyDictionary<string, string> parameters)
    {
        var canonical = new StringBuilder();
        foreach (var name in parameters.Keys.Where(k => k != "Signature").Order(StringComparer.Ordinal))
        {
            if (canonical.Length > 0)
            {
                canonical.Append('&');
            }

            canonical.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(parameters[name]));
        }

        return httpMethod + "&" + Uri.EscapeDataString("/") + "&" + Uri.EscapeDataString(canonical.ToString());
    }
}
