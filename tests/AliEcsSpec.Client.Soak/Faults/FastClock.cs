namespace AliEcsSpec.Client.Soak.Faults;

/// <summary>
/// A machine clock that runs ahead of the service's by <paramref name="skew"/>: the clock skew that is not drawn at
/// random but lasts the whole run. The emulator refuses the timestamps it signs (<c>InvalidTimeStamp.Expired</c>, more
/// than 15 minutes off) until the client has learned the server's time from a <c>Date</c> header. Only the wall
/// clock is off; timers and elapsed time (back-offs, time-outs) are the system's.
/// </summary>
internal sealed class FastClock(TimeSpan skew) : TimeProvider
{
    public TimeSpan Skew => skew;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
}
