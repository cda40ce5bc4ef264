namespace AliEcsSpec.Emulator;

/// <summary>
/// Per-AccessKey throttling (a token bucket per AccessKey ID), switched on, changed or off while the emulator runs.
/// Starts as <see cref="EcsEmulatorOptions.ThrottleRequestsPerSecond"/> says; refused calls answer 400
/// <c>Throttling</c>, with a <c>Retry-After</c> header when a hint is set.
/// </summary>
public sealed class EmulatorThrottling
{
    private readonly TimeProvider _time;

    // One immutable setting swapped whole, so a request never sees the rate of one setting and the hint of another.
    private volatile Setting? _setting;

    internal EmulatorThrottling(TimeProvider time) => _time = time;

    /// <summary>Requests per second per AccessKey, or null when throttling is off.</summary>
    public double? RequestsPerSecond => _setting?.RequestsPerSecond;

    /// <summary>How many requests per AccessKey may arrive at once (meaningful while throttling is on).</summary>
    public int? Burst => _setting?.Burst;

    /// <summary>The <c>Retry-After</c> hint sent with a refusal, if any.</summary>
    public TimeSpan? RetryAfter => _setting?.RetryAfter;

    /// <summary>Throttles every AccessKey from now on, each with a full bucket.</summary>
    /// <param name="requestsPerSecond">The steady rate, above 0.</param>
    /// <param name="burst">How many requests may arrive at once, at least 1.</param>
    /// <param name="retryAfter">
    /// The hint a refusal carries as <c>Retry-After</c> (whole seconds, rounded up); none when null. The service sends
    /// none; the hint lets a client's handling of the header be tested.
    /// </param>
    public void Enable(double requestsPerSecond, int burst, TimeSpan? retryAfter = null)
    {
        if (!(requestsPerSecond > 0) || double.IsInfinity(requestsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The rate must be a finite number above 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        if (retryAfter is { } hint)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(hint, TimeSpan.Zero, nameof(retryAfter));
        }

        _setting = new Setting(requestsPerSecond, burst, retryAfter, new TokenBucket(requestsPerSecond, burst, _time));
    }

    /// <summary>Stops throttling.</summary>
    public void Disable() => _setting = null;

    /// <summary>Takes one request's token for <paramref name="accessKeyId"/>; false (with the hint) when it must be refused.</summary>
    internal bool TryTake(string accessKeyId, out TimeSpan? retryAfter)
    {
        var setting = _setting;
        retryAfter = setting?.RetryAfter;
        return setting is null || setting.Bucket.TryTake(accessKeyId);
    }

    private sealed record Setting(double RequestsPerSecond, int Burst, TimeSpan? RetryAfter, TokenBucket Bucket);
}
