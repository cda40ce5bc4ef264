namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>
/// What the adaptive mode believes about one key's quota at one moment. Times are seconds on the limiter's own clock.
/// </summary>
/// <param name="BaseRate">The rate at <paramref name="Since"/>: the slow-start rate, or the rate set by the last cut.</param>
/// <param name="Since">When the current slow-start window began, or when the rate was last cut.</param>
/// <param name="Quota">The accepted rate measured at the last cut; 0 while no throttling answer has been seen.</param>
/// <param name="Saturated">Whether a caller had to wait for a permit in the current slow-start window.</param>
internal readonly record struct RateEstimate(double BaseRate, double Since, double Quota, bool Saturated)
{
    /// <summary>Whether a throttling answer has taught the estimate a quota.</summary>
    public bool Learnt => Quota > 0;
}

/// <summary>
/// The adaptive mode's rate, as pure functions of the estimate and the time. Unlike a copy of the AWS SDKs' adaptive
/// mode (which cuts by a factor on every throttling answer, so a burst of answers to requests already in flight drives
/// it to its floor), a cut sets the rate just below what the service <em>accepted</em> over the last moments, which is
/// the quota itself when callers are waiting, and at most one cut happens per <see cref="CutWindow"/>.
/// </summary>
internal static class AdaptiveRate
{
    /// <summary>How long slow start keeps one rate before doubling it, when callers waited at that rate.</summary>
    public const double SlowStartWindow = 0.25;

    /// <summary>
    /// How far slow start may lead the rate the service accepted: a doubling that the accepted rate does not follow is
    /// the quota being passed, and many callers waiting would otherwise push it up while the answers saying so are on
    /// their way.
    /// </summary>
    public const double SlowStartLead = 3;

    /// <summary>
    /// After a cut, throttling answers are ignored this long: they answer requests sent before the cut, and the accepted
    /// rate needs this long to be measured again.
    /// </summary>
    public const double CutWindow = 0.5;

    /// <summary>Where a cut sets the rate, relative to the measured quota: a little below, so that the service's bucket refills.</summary>
    public const double CutFactor = 0.95;

    /// <summary>
    /// Where the first cut sets the rate: lower, because what the service accepted in slow start includes the burst it
    /// had saved up, so the first quota measured is a little too high.
    /// </summary>
    public const double SlowStartCutFactor = 0.85;

    /// <summary>How fast the rate climbs back after a cut, per second, as a share of the quota: small, so probing costs few throttles.</summary>
    public const double Climb = 0.02;

    /// <summary>
    /// The cubic part of the climb, per second cubed, as a share of the quota: negligible for seconds after a cut, it
    /// lets a limiter find a quota that was raised (or measured too low) within some ten seconds.
    /// </summary>
    public const double CubicClimb = 0.001;

    /// <summary>
    /// Below the learnt quota, a throttling answer lowers it only when the service accepted less than this share of it:
    /// then another client of the key (elsewhere) takes part of the quota, or the quota itself was lowered.
    /// </summary>
    public const double LowerQuotaEvidence = 0.8;

    /// <summary>The state before any request: <paramref name="startRate"/>, slow start from <paramref name="now"/>.</summary>
    public static RateEstimate Cold(double startRate, double now) => new(Clamp(startRate), now, 0, false);

    /// <summary>The rate in force at <paramref name="now"/>.</summary>
    public static double RateAt(RateEstimate estimate, double now)
    {
        if (!estimate.Learnt)
        {
            return estimate.BaseRate;
        }

        var since = Math.Max(0, now - estimate.Since);
        return Clamp(estimate.BaseRate + (estimate.Quota * ((Climb * since) + (CubicClimb * since * since * since))));
    }

    /// <summary>
    /// Moves slow start on to <paramref name="now"/>: each window in which a caller waited doubles the rate, but to no more
    /// than <see cref="SlowStartLead"/> times <paramref name="acceptedRate"/> (the rate the service accepted lately); a
    /// window in which nobody waited leaves it (the demand, not the quota, was the limit, so a higher rate would prove nothing).
    /// </summary>
    public static RateEstimate Advance(RateEstimate estimate, double now, double acceptedRate)
    {
        if (!Advances(estimate, now))
        {
            return estimate;
        }

        var rate = estimate.Saturated
            ? Clamp(Math.Max(estimate.BaseRate, Math.Min(estimate.BaseRate * 2, acceptedRate * SlowStartLead)))
            : estimate.BaseRate;
        var since = estimate.Saturated ? estimate.Since + SlowStartWindow : now;
        return new RateEstimate(rate, Math.Min(since, now), 0, false);
    }

    /// <summary>Whether <see cref="Advance"/> would move the estimate at <paramref name="now"/> (so the accepted rate is worth measuring).</summary>
    public static bool Advances(RateEstimate estimate, double now) => !estimate.Learnt && now - estimate.Since >= SlowStartWindow;

    /// <summary>A caller had to wait for a permit in the current slow-start window.</summary>
    public static RateEstimate Waited(RateEstimate estimate) => estimate with { Saturated = true };

    /// <summary>When the accepted rate that a cut at this moment uses should be measured from.</summary>
    public static double MeasureFrom(RateEstimate estimate) =>
        estimate.Learnt ? estimate.Since : estimate.Since - SlowStartWindow;

    /// <summary>
    /// A throttling answer at <paramref name="now"/>, with <paramref name="acceptedRate"/> the rate of answers the
    /// service accepted since <see cref="MeasureFrom"/> and <paramref name="acceptedSoFar"/> the answers it accepted
    /// since the limiter began. The rate is set a little below the quota this reveals:
    /// <list type="bullet">
    /// <item>in slow start, 85% of the accepted rate, but at least of half the rate in force (the previous window's, which was
    /// not throttled); before <paramref name="minimumSample"/> answers were accepted, nothing is learnt (a burst sent
    /// while connections opened says nothing of the rate) and slow start only stops doubling for a window;</item>
    /// <item>once learnt, the lower of the accepted rate and the rate in force, but only when the rate in force has
    /// climbed back to the quota or the service accepted clearly less than it (a throttling answer just below the quota
    /// is the service's bucket running dry, not a smaller quota); never within <see cref="CutWindow"/> of the last cut.</item>
    /// </list>
    /// </summary>
    public static RateEstimate Throttled(RateEstimate estimate, double now, double acceptedRate, long acceptedSoFar, int minimumSample)
    {
        if (!estimate.Learnt)
        {
            var current = Advance(estimate, now, acceptedRate);
            if (acceptedSoFar < minimumSample)
            {
                return new RateEstimate(current.BaseRate, now, 0, false);
            }

            var quota = Clamp(Math.Min(current.BaseRate, Math.Max(acceptedRate, current.BaseRate / 2)));
            return new RateEstimate(Clamp(quota * SlowStartCutFactor), now, quota, false);
        }

        var rate = RateAt(estimate, now);
        var belowQuota = rate < estimate.Quota && acceptedRate >= estimate.Quota * LowerQuotaEvidence;
        if (now - estimate.Since < CutWindow || belowQuota)
        {
            return estimate;
        }

        var learnt = Clamp(acceptedRate > 0 ? Math.Min(rate, acceptedRate) : rate / 2);
        return new RateEstimate(Clamp(learnt * CutFactor), now, learnt, false);
    }

    private static double Clamp(double rate) =>
        Math.Clamp(rate, EcsRateLimitOptions.SlowestRate, EcsRateLimitOptions.FastestRate);
}
