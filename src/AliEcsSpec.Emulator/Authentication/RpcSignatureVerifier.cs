using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Emulator.Authentication;

/// <summary>
/// Verifies Alibaba Cloud RPC signatures (HMAC-SHA1, SignatureVersion 1.0) the way the service does. Written
/// independently of the client's signer (it shares no code with it, and encodes with
/// <see cref="Uri.EscapeDataString(string)"/>), so that a bug in one cannot hide in the other.
/// </summary>
internal sealed class RpcSignatureVerifier
{
    /// <summary>How far a request's Timestamp may be from the emulator's clock, and how long a nonce is remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private static readonly string[] RequiredCommon =
        ["Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature"];

    private readonly Func<string, Principal?> _principalOf;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);
    private readonly Lock _purgeGate = new();
    private DateTimeOffset _nextPurge;

    public RpcSignatureVerifier(Func<string, Principal?> principalOf, TimeProvider time)
    {
        _principalOf = principalOf;
        _time = time;
    }

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

        if (_principalOf(parameters["AccessKeyId"]) is not { } principal)
        {
            return new ServiceError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }

        var secret = principal.Secret;
        if (!DateTimeOffset.TryParseExact(parameters["Timestamp"], EmulatorTime.Format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            return new ServiceError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }

        var now = _time.GetUtcNow();
        if ((timestamp - now).Duration() > Window)
        {
            return new ServiceError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }

        var expected = Sign(httpMethod, parameters, secret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parameters["Signature"])))
        {
            return new ServiceError(400, "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" + StringToSign(httpMethod, parameters));
        }

        if (principal.SecurityToken is { } expectedToken)
        {
            if (!parameters.TryGetValue("SecurityToken", out var token) || token.Length == 0)
            {
                return new ServiceError(400, "InvalidSecurityToken.MalFormed", "Specified SecurityToken is malformed.");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expectedToken)))
            {
                return new ServiceError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken is not matched with the AccessKeyId.");
            }

            if (now >= principal.Expiration)
            {
                return new ServiceError(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
            }
        }

        // A long-term AccessKey has no SecurityToken: one sent with it does not match (an empty parameter is none).
        if (principal.SecurityToken is null && parameters.TryGetValue("SecurityToken", out var stray) && stray.Length > 0)
        {
            return new ServiceError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken is not matched with the AccessKeyId.");
        }

        // Checked after the signature, as the service does: a forged request must not burn a nonce.
        PurgeNonces(now);
        if (!_nonces.TryAdd(parameters["SignatureNonce"], now))
        {
            return new ServiceError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
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

    private void PurgeNonces(DateTimeOffset now)
    {
        lock (_purgeGate)
        {
            if (now < _nextPurge)
            {
                return;
            }

            _nextPurge = now + TimeSpan.FromMinutes(1);
        }

        foreach (var (nonce, seen) in _nonces)
        {
            if (now - seen > Window)
            {
                _nonces.TryRemove(nonce, out _);
            }
        }
    }
}
