using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Emulator.Authentication;

/// <summary>
/// What every signed request must satisfy whatever its signature version: a known AccessKey, a fresh timestamp, the
/// security token of temporary credentials, and a nonce not seen before. V2 and V3 share one instance, so a nonce used
/// with one signature version is used for the other too.
/// </summary>
internal sealed class CallerRules
{
    /// <summary>How far a request's time may be from the emulator's clock, and how long a nonce is remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Func<string, Principal?> _principalOf;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);
    private readonly Lock _purgeGate = new();
    private DateTimeOffset _nextPurge;

    public CallerRules(Func<string, Principal?> principalOf, TimeProvider time)
    {
        _principalOf = principalOf;
        _time = time;
    }

    /// <summary>The emulator's clock, read once per request so that every check of one request sees the same time.</summary>
    public DateTimeOffset Now() => _time.GetUtcNow();

    /// <summary>Who signs with <paramref name="accessKeyId"/>, or the documented error for an unknown key.</summary>
    public ServiceError? FindPrincipal(string accessKeyId, out Principal principal)
    {
        if (_principalOf(accessKeyId) is { } found)
        {
            principal = found;
            return null;
        }

        principal = new Principal(string.Empty, string.Empty, null, null);
        return new ServiceError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    /// <summary>An ISO 8601 UTC time to the second, no further than <see cref="Window"/> from <paramref name="now"/>.</summary>
    public static ServiceError? CheckTimestamp(string text, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParseExact(text, EmulatorTime.Format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            return new ServiceError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }

        return (timestamp - now).Duration() > Window
            ? new ServiceError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")
            : null;
    }

    /// <summary>
    /// Temporary credentials need their own, unexpired token; a long-term AccessKey has none, so one sent with it does
    /// not match (an empty value counts as none).
    /// </summary>
    public static ServiceError? CheckSecurityToken(Principal principal, string? token, DateTimeOffset now)
    {
        if (principal.SecurityToken is { } expected)
        {
            if (string.IsNullOrEmpty(token))
            {
                return new ServiceError(400, "InvalidSecurityToken.MalFormed", "Specified SecurityToken is malformed.");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
            {
                return TokenMismatch();
            }

            return now >= principal.Expiration
                ? new ServiceError(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.")
                : null;
        }

        return string.IsNullOrEmpty(token) ? null : TokenMismatch();

        static ServiceError TokenMismatch() =>
            new(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken is not matched with the AccessKeyId.");
    }

    /// <summary>
    /// Remembers <paramref name="nonce"/> for <see cref="Window"/>; a second use within it is refused. Called after the
    /// signature is checked, as the service does: a forged request must not burn a nonce.
    /// </summary>
    public ServiceError? UseNonce(string nonce, DateTimeOffset now)
    {
        PurgeNonces(now);
        return _nonces.TryAdd(nonce, now)
            ? null
            : new ServiceError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
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
