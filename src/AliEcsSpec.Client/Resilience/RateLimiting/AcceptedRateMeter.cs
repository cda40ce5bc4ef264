namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>
/// Counts the answers the service accepted (everything but throttling) in short slots over the last
/// <see cref="Span"/> seconds, so that a cut can set the rate to what the service really let through. Not thread-safe:
/// its limiter holds its lock around every use.
/// </summary>
internal sealed class AcceptedRateMeter
{
    /// <summary>How far back the meter remembers, in seconds.</summary>
    public const double Span = 2;

    /// <summary>The shortest time a rate is measured over, so that a handful of answers does not make a rate.</summary>
    public const double ShortestMeasure = 0.5;

    private const double Slot = 0.05;
    private const int Slots = (int)(Span / Slot);

    private readonly int[] _counts = new int[Slots];
    private long _newestSlot = -1;

    /// <summary>One accepted answer at <paramref name="now"/>.</summary>
    public void Add(double now)
    {
        MoveTo(SlotOf(now));
        _counts[Index(SlotOf(now))]++;
    }

    /// <summary>
    /// Accepted answers per second from <paramref name="from"/> to <paramref name="now"/>, over at least
    /// <see cref="ShortestMeasure"/> and at most <see cref="Span"/> seconds.
    /// </summary>
    public double RatePerSecond(double from, double now)
    {
        var newest = SlotOf(now);
        MoveTo(newest);
        var seconds = Math.Clamp(now - from, ShortestMeasure, Span - Slot);
        var oldest = SlotOf(now - seconds);
        var count = 0;
        for (var slot = Math.Max(oldest, newest - Slots + 1); slot <= newest; slot++)
        {
            count += _counts[Index(slot)];
        }

        // The current slot is only partly over: the time measured runs from the oldest slot's start to now.
        var measured = now - (oldest * Slot);
        return measured > 0 ? count / measured : 0;
    }

    private static long SlotOf(double time) => (long)Math.Floor(time / Slot);

    private static int Index(long slot) => (int)(((slot % Slots) + Slots) % Slots);

    /// <summary>Empties the slots that fell out of the span since the newest one used.</summary>
    private void MoveTo(long slot)
    {
        if (slot <= _newestSlot)
        {
            return;
        }

        for (var cleared = Math.Max(_newestSlot + 1, slot - Slots + 1); cleared <= slot; cleared++)
        {
            _counts[Index(cleared)] = 0;
        }

        _newestSlot = slot;
    }
}
