using System.Collections.Concurrent;

namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>
/// The rate limiters of the process, one per AccessKey ID and endpoint, so that every client of one account paces
/// against the same quota and what the adaptive mode learns serves them all (like <see cref="RetryBudget.Shared"/>;
/// dependency injection registers <see cref="Shared"/> as a singleton). The settings and the clock are part of the key
/// too: clients that disagree on them (tests on fake clocks, above all) get limiters of their own.
/// </summary>
internal sealed class RateLimiterRegistry
{
    private readonly ConcurrentDictionary<Key, PacingRateLimiter> _limiters = new();

    /// <summary>The registry of every client in the process, unless dependency injection or a test registers another.</summary>
    public static RateLimiterRegistry Shared { get; } = new();

    /// <summary>The limiter of <paramref name="accessKeyId"/> at <paramref name="endpoint"/>; null when <paramref name="options"/> turn pacing off.</summary>
    public PacingRateLimiter? For(string accessKeyId, Uri endpoint, EcsRateLimitOptions options, TimeProvider time)
    {
        if (options.Mode == RateLimitMode.Off)
        {
            return null;
        }

        var key = new Key(accessKeyId, endpoint.Authority, options.Mode, options.RequestsPerSecond, options.Burst, time);
        return _limiters.TryGetValue(key, out var limiter) ? limiter : _limiters.GetOrAdd(key, Create);
    }

    /// <summary>Each limiter's name and current rate, for the rate gauge.</summary>
    public IEnumerable<(string Name, double Rate)> Rates() =>
        _limiters.Values.Select(limiter => (limiter.Name, limiter.CurrentRate));

    private static PacingRateLimiter Create(Key key) => new(
        NameOf(key.AccessKeyId, key.Authority),
        key.Burst,
        key.Mode == RateLimitMode.Fixed ? key.RequestsPerSecond : null,
        key.RequestsPerSecond ?? key.Burst,
        key.Time);

    /// <summary>The endpoint and the AccessKey ID's first four characters: enough to tell keys apart on a dashboard, not to use one.</summary>
    internal static string NameOf(string accessKeyId, string authority) =>
        string.Concat(accessKeyId.AsSpan(0, Math.Min(4, accessKeyId.Length)), "***@", authority);

    private readonly record struct Key(string AccessKeyId, string Authority, RateLimitMode Mode, double? RequestsPerSecond, int Burst, TimeProvider Time)
    {
        public bool Equals(Key other) =>
            AccessKeyId == other.AccessKeyId
            && string.Equals(Authority, other.Authority, StringComparison.OrdinalIgnoreCase)
            && Mode == other.Mode && RequestsPerSecond == other.RequestsPerSecond && Burst == other.Burst
            && ReferenceEquals(Time, other.Time);

        public override int GetHashCode() =>
            HashCode.Combine(AccessKeyId, StringComparer.OrdinalIgnoreCase.GetHashCode(Authority), Mode, RequestsPerSecond, Burst, Time);
    }
}
