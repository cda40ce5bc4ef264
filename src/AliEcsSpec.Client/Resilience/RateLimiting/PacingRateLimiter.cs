using System.Threading.RateLimiting;

namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>The outcome of asking for a permit: granted after <paramref name="Wait"/>, or refused because it would come later than allowed.</summary>
internal readonly record struct PermitWait(bool Granted, TimeSpan Wait);

/// <summary>A cut of the learnt rate, for the log line.</summary>
internal readonly record struct RateChange(double From, double To);

/// <summary>
/// The rate limiter of one AccessKey and endpoint: hands out send times at a steady rate after an initial burst (the
/// generic cell rate algorithm: each permit reserves the next slot, so waiters need no queue and a permit that needs no
/// wait costs one lock and no allocation), at a fixed rate or at the rate <see cref="AdaptiveRate"/> learns.
/// </summary>
/// <remarks>
/// A <see cref="RateLimiter"/> of its own rather than the framework's <see cref="TokenBucketRateLimiter"/>, which
/// replenishes on its own timer and reads the real clock: this one reads the injected <see cref="TimeProvider"/>
/// (so the tests run it on a fake clock), changes its rate on the fly, can hold every send until a server's
/// <c>Retry-After</c>, and refuses at once a permit that would come after the call's total time-out.
/// </remarks>
internal sealed class PacingRateLimiter : RateLimiter
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _epoch;
    private readonly double _burst;
    private readonly double? _fixedRate;
    private readonly AcceptedRateMeter _accepted = new();
    private RateEstimate _estimate;

    // The theoretical send time of the next permit, in seconds since _epoch: a permit is due once now is within the
    // burst's tolerance of it.
    private double _next;
    private long _granted;
    private long _refused;
    private long _lastUse;

    /// <param name="name">What the limiter is called in metrics: endpoint and a redacted AccessKey ID.</param>
    /// <param name="burst">How many permits may be taken at once.</param>
    /// <param name="fixedRate">The rate of the fixed mode; null for the adaptive mode.</param>
    /// <param name="startRate">The adaptive mode's first rate.</param>
    /// <param name="time">The clock.</param>
    public PacingRateLimiter(string name, int burst, double? fixedRate, double startRate, TimeProvider time)
    {
        Name = name;
        _burst = burst;
        _fixedRate = fixedRate;
        _time = time;
        _epoch = time.GetTimestamp();
        _lastUse = _epoch;
        _estimate = AdaptiveRate.Cold(startRate, 0);
    }

    /// <summary>The endpoint and redacted AccessKey ID this limiter paces.</summary>
    public string Name { get; }

    /// <summary>Whether the rate is learnt from throttling answers.</summary>
    public bool IsAdaptive => _fixedRate is null;

    /// <summary>The rate in force now, in permits per second.</summary>
    public double CurrentRate
    {
        get
        {
            lock (_gate)
            {
                return RateAt(Now());
            }
        }
    }

    public override TimeSpan? IdleDuration => _time.GetElapsedTime(Interlocked.Read(ref _lastUse));

    /// <summary>
    /// Takes the next permit if it comes within <paramref name="maxWait"/>, and waits for it; refuses at once (taking
    /// nothing) when it would come later. The wait ends early when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public ValueTask<PermitWait> AcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var wait = Reserve(maxWait.TotalSeconds);
        if (wait is not { } seconds)
        {
            Interlocked.Increment(ref _refused);
            return new ValueTask<PermitWait>(new PermitWait(false, TimeSpan.FromSeconds(WaitForNext())));
        }

        Interlocked.Increment(ref _granted);
        return seconds <= 0
            ? new ValueTask<PermitWait>(new PermitWait(true, TimeSpan.Zero))
            : WaitAsync(TimeSpan.FromSeconds(seconds), cancellationToken);
    }

    /// <summary>The service accepted an attempt (answered anything but throttling).</summary>
    public void OnAccepted()
    {
        if (IsAdaptive)
        {
            lock (_gate)
            {
                _accepted.Add(Now());
            }
        }
    }

    /// <summary>The service throttled an attempt: the adaptive rate is cut, at most once per window.</summary>
    /// <returns>The cut, when one was made.</returns>
    public RateChange? OnThrottled()
    {
        if (!IsAdaptive)
        {
            return null;
        }

        lock (_gate)
        {
            var now = Now();
            var before = _estimate;
            var from = RateAt(now);
            _estimate = AdaptiveRate.Throttled(before, now, _accepted.RatePerSecond(AdaptiveRate.MeasureFrom(before), now));
            if (_estimate == before)
            {
                return null;
            }

            // The service's bucket is empty: the burst the limiter had saved up would only be throttled too.
            var rate = RateAt(now);
            _next = Math.Max(_next, now + ((_burst - 1) / rate) + (1 / rate));
            return new RateChange(from, rate);
        }
    }

    /// <summary>A server's hint: nothing is sent before <paramref name="delay"/> from now.</summary>
    public void HoldFor(TimeSpan delay)
    {
        lock (_gate)
        {
            var now = Now();
            _next = Math.Max(_next, now + delay.TotalSeconds + ((_burst - 1) / RateAt(now)));
        }
    }

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = AvailableNow(),
        CurrentQueuedCount = 0,
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        // With no wait allowed, a permit is granted at once or refused: nothing is awaited.
        if (Reserve(0) is null)
        {
            Interlocked.Increment(ref _refused);
            return new PacingLease(false, TimeSpan.FromSeconds(WaitForNext()));
        }

        Interlocked.Increment(ref _granted);
        return PacingLease.Granted;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        await AcquireAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return PacingLease.Granted;
    }

    private async ValueTask<PermitWait> WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        return new PermitWait(true, wait);
    }

    /// <summary>Reserves the next permit if it is due within <paramref name="maxWait"/> seconds (negative: no bound); returns its wait.</summary>
    private double? Reserve(double maxWait)
    {
        lock (_gate)
        {
            var now = Now();
            _estimate = AdaptiveRate.Advance(_estimate, now);
            var interval = 1 / RateAt(now);
            var due = Math.Max(now, _next - ((_burst - 1) * interval));
            var wait = due - now;
            if (maxWait >= 0 && wait > maxWait)
            {
                return null;
            }

            if (wait > 0)
            {
                _estimate = AdaptiveRate.Waited(_estimate);
            }

            _next = Math.Max(_next, due) + interval;
            Interlocked.Exchange(ref _lastUse, _time.GetTimestamp());
            return wait;
        }
    }

    private double WaitForNext()
    {
        lock (_gate)
        {
            var now = Now();
            return Math.Max(0, _next - ((_burst - 1) / RateAt(now)) - now);
        }
    }

    private long AvailableNow()
    {
        lock (_gate)
        {
            var now = Now();
            var interval = 1 / RateAt(now);
            return (long)Math.Clamp(Math.Floor((now - _next + (_burst * interval)) / interval), 0, _burst);
        }
    }

    private double RateAt(double now) => _fixedRate ?? AdaptiveRate.RateAt(_estimate, now);

    private double Now() => _time.GetElapsedTime(_epoch).TotalSeconds;
}
