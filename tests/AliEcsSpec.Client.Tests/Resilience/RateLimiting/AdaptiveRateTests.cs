using AliEcsSpec.Client.Resilience.RateLimiting;

namespace AliEcsSpec.Client.Tests.Resilience.RateLimiting;

/// <summary>
/// The adaptive rate as a table: an estimate and an event in, the rate out. Slow start doubles per saturated window;
/// a throttling answer sets the rate to 95% of the quota it reveals (85% at the first, whose measure includes the burst); the climb after a cut is small for seconds.
/// </summary>
public sealed class AdaptiveRateTests
{
    [Theory]
    [InlineData(0.1, true, 10)]
    [InlineData(0.25, true, 20)]
    [InlineData(0.25, false, 10)]
    public void Advance_SlowStart_DoublesOnlyAfterAWindowInWhichACallerWaited(double now, bool waited, double expected)
    {
        var estimate = AdaptiveRate.Cold(10, 0);
        if (waited)
        {
            estimate = AdaptiveRate.Waited(estimate);
        }

        Assert.Equal(expected, AdaptiveRate.RateAt(AdaptiveRate.Advance(estimate, now, acceptedRate: 1000), now));
    }

    [Theory]
    [InlineData(8, 20)]
    [InlineData(5, 15)]
    [InlineData(2, 10)]
    public void Advance_SlowStartAheadOfTheAcceptedRate_DoublesToNoMoreThanThreeTimesIt(double acceptedRate, double expected)
    {
        var estimate = AdaptiveRate.Waited(AdaptiveRate.Cold(10, 0));

        Assert.Equal(expected, AdaptiveRate.RateAt(AdaptiveRate.Advance(estimate, 0.25, acceptedRate), 0.25));
    }

    public static TheoryData<double, double, long, double, double> FirstThrottles => new()
    {
        // slow-start rate, accepted rate, accepted so far → learnt quota, new rate
        { 80, 30, 100, 40, 34 },   // accepted below half the rate: the previous, unthrottled rate is the floor
        { 80, 60, 100, 60, 51 },   // the accepted rate is the quota (and the first cut goes to 85% of it)
        { 80, 200, 100, 80, 68 },  // never above the rate in force
        { 10, 9, 5, 0, 10 },       // too few answers to learn from: nothing learnt, the rate stays
    };

    [Theory]
    [MemberData(nameof(FirstThrottles))]
    public void Throttled_InSlowStart_SetsTheRateJustBelowTheRevealedQuota(double rate, double accepted, long acceptedSoFar, double quota, double expected)
    {
        var estimate = AdaptiveRate.Cold(rate, 0);

        var cut = AdaptiveRate.Throttled(estimate, 0.1, accepted, acceptedSoFar, minimumSample: 20);

        Assert.Equal(quota, cut.Quota, 6);
        Assert.Equal(expected, AdaptiveRate.RateAt(cut, 0.1), 6);
    }

    public static TheoryData<double, double, double> LaterThrottles => new()
    {
        // seconds after the last cut (quota 20, rate 19 then climbing), accepted rate → new rate
        { 0.2, 10, 19.08016 }, // within the cut window: unchanged (still climbing: 19 + 20 × (0.004 + 0.000008))
        { 1.0, 19.5, 19.42 },  // below the quota, and the service accepted most of it: unchanged (19 + 20 × (0.02 + 0.001))
        { 1.0, 15, 14.25 },  // below the quota, and the service accepted clearly less: the quota is lower
        { 5.0, 20, 19 },     // climbed above the quota: back to 95% of what was accepted
    };

    [Theory]
    [MemberData(nameof(LaterThrottles))]
    public void Throttled_OnceLearnt_CutsAtMostOncePerWindowAndOnlyOnEvidence(double since, double accepted, double expected)
    {
        var learnt = new RateEstimate(BaseRate: 19, Since: 10, Quota: 20, Saturated: false);

        var after = AdaptiveRate.Throttled(learnt, 10 + since, accepted, acceptedSoFar: 1000, minimumSample: 20);

        Assert.Equal(expected, AdaptiveRate.RateAt(after, 10 + since), 6);
    }

    [Theory]
    [InlineData(0, 19)]
    [InlineData(1, 19.42)]
    [InlineData(5, 23.5)]
    [InlineData(10, 43)]
    public void RateAt_AfterACut_ClimbsSlowlyForSecondsThenFaster(double since, double expected)
    {
        var learnt = new RateEstimate(BaseRate: 19, Since: 0, Quota: 20, Saturated: false);

        Assert.Equal(expected, AdaptiveRate.RateAt(learnt, since), 6);
    }
}
