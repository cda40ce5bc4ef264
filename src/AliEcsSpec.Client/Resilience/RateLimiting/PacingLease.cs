using System.Threading.RateLimiting;

namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>
/// A permit of <see cref="PacingRateLimiter"/>: nothing to give back (a rate, not a concurrency, is limited), and on a
/// refusal the time until the next permit as <see cref="MetadataName.RetryAfter"/>.
/// </summary>
internal sealed class PacingLease : RateLimitLease
{
    /// <summary>The one granted lease: granting a permit allocates nothing.</summary>
    public static readonly PacingLease Granted = new(acquired: true, retryAfter: null);

    private static readonly string[] RetryAfterName = [MetadataName.RetryAfter.Name];

    private readonly TimeSpan? _retryAfter;

    public PacingLease(bool acquired, TimeSpan? retryAfter)
    {
        IsAcquired = acquired;
        _retryAfter = retryAfter;
    }

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : RetryAfterName;

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        var known = _retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        metadata = known ? _retryAfter : null;
        return known;
    }
}
