namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>
/// A bucket of the permits a limiter actually granted, apart from its schedule of tickets: whatever moves the schedule
/// (a cut, a climb, a throttle answer, waiters that woke late), no more than a burst plus the rate in force goes out,
/// and after a throttle or a hold the sends are spaced one interval apart (the service's own bucket is empty then,
/// so a burst saved up would only be throttled). Not thread-safe: its limiter holds its lock around every use.
/// </summary>
internal sealed class SendGate
{
    private double _level;
    private double _at;

    /// <param name="burst">How many sends may go at once to begin with.</param>
    public SendGate(double burst) => _level = burst;

    /// <summary>
    /// Takes a send at <paramref name="now"/> if one is left (within <paramref name="tolerance"/> seconds), returning 0;
    /// otherwise takes nothing and returns the seconds until one is.
    /// </summary>
    public double Take(double now, double rate, double burst, double tolerance)
    {
        Refill(now, rate, burst);
        var wait = _at - now + (Math.Max(0, 1 - _level) / rate);
        if (wait >= tolerance)
        {
            return wait;
        }

        _level -= 1;
        return 0;
    }

    /// <summary>From <paramref name="until"/> on (or a hold still later), <paramref name="level"/> sends at most are left.</summary>
    public void Hold(double now, double until, double level, double rate, double burst)
    {
        Refill(now, rate, burst);
        _level = Math.Min(_level, level);
        _at = Math.Max(_at, until);
    }

    private void Refill(double now, double rate, double burst)
    {
        if (now > _at)
        {
            _level = Math.Min(burst, _level + ((now - _at) * rate));
            _at = now;
        }
    }
}
