using System.Threading.RateLimiting;

namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>
/// The rate limiter of one AccessKey and endpoint, at a fixed rate or at the rate <see cref="AdaptiveRate"/> learns.
/// Each permit takes the next ticket of a schedule that starts with a burst and then runs at the current rate; a
/// waiter's send time is worked out from its ticket and the schedule <em>now</em>, so a cut slows the callers already
/// waiting and a climb speeds them up, and a <see cref="SendGate"/> keeps what actually goes out within the rate.
/// </summary>
/// <remarks>
/// Not the framework's <see cref="TokenBucketRateLimiter"/>, which replenishes on a timer of the real clock at a fixed
/// rate: this one reads the injected <see cref="TimeProvider"/> (the tests run it on a fake clock), changes its rate
/// for waiters too, holds every send until a server's <c>Retry-After</c>, and refuses at once a permit that would come
/// after the call's total time-out.
/// </remarks>
internal sealed class PacingRateLimiter : RateLimiter
{
    // The shortest and longest nap of a waiter between looks at the schedule, in seconds: the longest bounds how late a waiter follows a climb.
    private const double ShortestNap = 0.02;
    private const double LongestNap = 0.1;

    private const double NoWait = 1e-6; // A wait shorter than a microsecond is none: a fake clock would never move on.

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _epoch;
    private readonly double _burst;
    private readonly double? _fixedRate;
    private readonly AcceptedRateMeter _accepted = new();
    private readonly SendGate _sends;
    private RateEstimate _estimate;

    // The schedule, in seconds since _epoch: ticket n is due at _anchorTime + (n - _anchorTicket) / _rate.
    private double _rate;
    private double _anchorTime;
    private double _anchorTicket;
    private long _nextTicket;
    private long _acceptedSoFar;
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
        _sends = new SendGate(burst);
        _fixedRate = fixedRate;
        _time = time;
        _epoch = time.GetTimestamp();
        _lastUse = _epoch;
        _estimate = AdaptiveRate.Cold(startRate, 0);
        _rate = fixedRate ?? _estimate.BaseRate;
        _anchorTime = -(burst - 1) / _rate;
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
                Follow(Now());
                return _rate;
            }
        }
    }

    public override TimeSpan? IdleDuration => _time.GetElapsedTime(Interlocked.Read(ref _lastUse));

    /// <summary>
    /// Takes the next permit if it comes within <paramref name="maxWait"/> (infinite: no bound), and waits for it;
    /// refuses at once, taking nothing, when it would come later. The wait ends early when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public ValueTask<PermitWait> AcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var bound = maxWait == Timeout.InfiniteTimeSpan ? double.PositiveInfinity : maxWait.TotalSeconds;
        if (Reserve(bound) is not { } ticket)
        {
            return new ValueTask<PermitWait>(Refused());
        }

        if (ticket.Wait < NoWait)
        {
            Interlocked.Increment(ref _granted);
            return new ValueTask<PermitWait>(new PermitWait(true, TimeSpan.Zero));
        }

        return WaitAsync(ticket, bound, cancellationToken);
    }

    /// <summary>The service accepted an attempt (answered anything but throttling).</summary>
    public void OnAccepted()
    {
        if (IsAdaptive)
        {
            lock (_gate)
            {
                _accepted.Add(Now());
                _acceptedSoFar++;
            }
        }
    }

    /// <summary>
    /// The service throttled an attempt: its bucket is empty, so the next permit is due one interval from now (a burst
    /// saved up would only be throttled too); the adaptive rate is cut when the answer says the quota is lower. Returns the cut, if any.
    /// </summary>
    public RateChange? OnThrottled()
    {
        lock (_gate)
        {
            var now = Now();
            Follow(now);
            var from = _rate;
            if (IsAdaptive)
            {
                var accepted = _accepted.RatePerSecond(AdaptiveRate.MeasureFrom(_estimate), now);
                _estimate = AdaptiveRate.Throttled(_estimate, now, accepted, _acceptedSoFar, 2 * (int)_burst);
                Follow(now);
            }

            Reanchor(now + (1 / _rate));
            _sends.Hold(now, now, 0, _rate, _burst);
            return _rate < from ? new RateChange(from, _rate) : null;
        }
    }

    /// <summary>A server's hint: nothing is sent before <paramref name="delay"/> from now.</summary>
    public void HoldFor(TimeSpan delay)
    {
        lock (_gate)
        {
            var now = Now();
            Follow(now);
            if (delay > TimeSpan.Zero)
            {
                Reanchor(now + delay.TotalSeconds);
                _sends.Hold(now, now + delay.TotalSeconds, 1, _rate, _burst);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            var now = Now();
            Follow(now);
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)Math.Clamp(Math.Floor((now - DueAt(_nextTicket)) * _rate) + 1, 0, _burst),
                TotalSuccessfulLeases = Interlocked.Read(ref _granted),
                TotalFailedLeases = Interlocked.Read(ref _refused),
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        // With no wait allowed, a permit is granted at once or refused: nothing is awaited.
        if (Reserve(0) is null)
        {
            return new PacingLease(false, Refused().Wait);
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

    /// <summary>Naps until the ticket is due, looking again after at most half the wait left, so a waiter follows the rate; refused past the bound.</summary>
    private async ValueTask<PermitWait> WaitAsync(Ticket ticket, double bound, CancellationToken cancellationToken)
    {
        var waited = 0.0;
        var wait = ticket.Wait;
        while (wait >= NoWait)
        {
            if (waited + wait > bound)
            {
                return Refused();
            }

            var nap = wait <= 2 * ShortestNap ? wait : Math.Clamp(wait / 2, ShortestNap, LongestNap);
            var napStart = _time.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(nap), _time, cancellationToken).ConfigureAwait(false);
            waited += _time.GetElapsedTime(napStart).TotalSeconds;
            lock (_gate)
            {
                var now = Now();
                Follow(now);
                var due = DueAt(ticket.Number) - now;
                wait = due < NoWait ? _sends.Take(now, _rate, _burst, NoWait) : due;
            }
        }

        Interlocked.Increment(ref _granted);
        return new PermitWait(true, TimeSpan.FromSeconds(waited));
    }

    private PermitWait Refused()
    {
        Interlocked.Increment(ref _refused);
        lock (_gate)
        {
            var now = Now();
            Follow(now);
            return new PermitWait(false, TimeSpan.FromSeconds(Math.Max(0, DueAt(_nextTicket) - now)));
        }
    }

    /// <summary>Takes the next ticket if it is due within <paramref name="bound"/> seconds.</summary>
    private Ticket? Reserve(double bound)
    {
        lock (_gate)
        {
            var now = Now();
            Follow(now);
            // An idle limiter saves up at most a burst: the schedule never lags more than that behind now.
            if (DueAt(_nextTicket) < now - ((_burst - 1) / _rate))
            {
                _anchorTicket = _nextTicket;
                _anchorTime = now - ((_burst - 1) / _rate);
            }

            var due = Math.Max(0, DueAt(_nextTicket) - now);
            var wait = due < NoWait ? _sends.Take(now, _rate, _burst, NoWait) : due;
            if (wait > bound)
            {
                return null;
            }

            if (wait >= NoWait)
            {
                _estimate = AdaptiveRate.Waited(_estimate);
            }

            Interlocked.Exchange(ref _lastUse, _time.GetTimestamp());
            return new Ticket(_nextTicket++, wait);
        }
    }

    private double DueAt(long ticket) => _anchorTime + ((ticket - _anchorTicket) / _rate);

    /// <summary>Brings the adaptive estimate and the schedule's rate to <paramref name="now"/>, keeping the ticket due now where it is.</summary>
    private void Follow(double now)
    {
        if (IsAdaptive)
        {
            _estimate = AdaptiveRate.Advance(_estimate, now, AdaptiveRate.Advances(_estimate, now) ? _accepted.RatePerSecond(_estimate.Since, now) : 0);
        }

        var rate = _fixedRate ?? AdaptiveRate.RateAt(_estimate, now);
        if (rate != _rate)
        {
            // Pivot at now, or at a hold still ahead, which a change of rate must not move.
            if (now > _anchorTime)
            {
                _anchorTicket += (now - _anchorTime) * _rate;
                _anchorTime = now;
            }

            _rate = rate;
        }
    }

    /// <summary>Moves the schedule so that the next ticket not yet served is due at <paramref name="due"/>.</summary>
    private void Reanchor(double due)
    {
        var now = Now();
        // The tickets due by now have gone; the first one after them is the first still waiting (or the next taken).
        var firstWaiting = Math.Min(_nextTicket, Math.Floor(_anchorTicket + ((now - _anchorTime) * _rate)) + 1);
        _anchorTicket = firstWaiting;
        _anchorTime = due;
    }

    private double Now() => _time.GetElapsedTime(_epoch).TotalSeconds;
}
