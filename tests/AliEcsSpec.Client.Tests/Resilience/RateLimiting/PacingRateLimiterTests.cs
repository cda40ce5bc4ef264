using System.Threading.RateLimiting;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Tests;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Client.Tests.Resilience.RateLimiting;

/// <summary>The limiter on a fake clock: a burst at once, then one permit per interval; holds, cuts and bounds.</summary>
public sealed class PacingRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task AcquireAsync_WithinTheBurst_GrantsAtOnceWithoutWaiting()
    {
        var limiter = Fixed(rate: 2, burst: 3);

        var permits = new List<PermitWait>();
        for (var n = 0; n < 3; n++)
        {
            permits.Add(await limiter.AcquireAsync(TimeSpan.Zero, CancellationToken.None));
        }

        Assert.All(permits, permit => Assert.Equal(new PermitWait(true, TimeSpan.Zero), permit));
    }

    [Fact]
    public async Task AcquireAsync_BeyondTheBurst_WaitsOneIntervalPerPermit()
    {
        var limiter = Fixed(rate: 2, burst: 1);
        await limiter.AcquireAsync(Timeout.InfiniteTimeSpan, CancellationToken.None);

        var second = limiter.AcquireAsync(Timeout.InfiniteTimeSpan, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(499));
        await Task.Delay(20);
        Assert.False(second.IsCompleted);
        var permit = await _time.RunAsync(second, step: TimeSpan.FromMilliseconds(1));

        Assert.True(permit.Granted);
        Assert.InRange(permit.Wait.TotalSeconds, 0.5, 0.6); // 1 ms fake-clock steps: a busy machine may add a few.
    }

    [Fact]
    public async Task AcquireAsync_PermitLaterThanTheBound_IsRefusedAtOnceAndTakesNothing()
    {
        var limiter = Fixed(rate: 1, burst: 1);
        await limiter.AcquireAsync(TimeSpan.Zero, CancellationToken.None);

        var refused = await limiter.AcquireAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var granted = await limiter.AcquireAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(new PermitWait(false, TimeSpan.FromSeconds(1)), refused);
        Assert.True(granted.Granted);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        var limiter = Fixed(rate: 1, burst: 1);
        await limiter.AcquireAsync(TimeSpan.Zero, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(Timeout.InfiniteTimeSpan, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task HoldFor_ServerHint_NoPermitBeforeItHasPassedEvenWithTheBurstLeft()
    {
        var limiter = Fixed(rate: 100, burst: 10);

        limiter.HoldFor(TimeSpan.FromSeconds(3));
        var during = await limiter.AcquireAsync(TimeSpan.Zero, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3));
        var after = await limiter.AcquireAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(new PermitWait(false, TimeSpan.FromSeconds(3)), during);
        Assert.True(after.Granted);
    }

    [Fact]
    public void AttemptAcquire_NoPermitLeft_RefusesWithRetryAfterMetadata()
    {
        RateLimiter limiter = Fixed(rate: 4, burst: 1);
        using var first = limiter.AttemptAcquire();

        using var second = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.True(second.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(0.25), retryAfter);
    }

    [Fact]
    public void OnThrottled_FixedMode_KeepsTheRateAndReportsNoCut()
    {
        var limiter = Fixed(rate: 5, burst: 1);

        var cut = limiter.OnThrottled();

        Assert.Null(cut);
        Assert.Equal(5, limiter.CurrentRate);
    }

    [Fact]
    public void OnThrottled_AdaptiveAfterEnoughAcceptedAnswers_CutsBelowTheAcceptedRate()
    {
        var limiter = new PacingRateLimiter("test", burst: 2, fixedRate: null, startRate: 40, _time);
        for (var n = 0; n < 20; n++)
        {
            limiter.OnAccepted();
            _time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var cut = limiter.OnThrottled();

        Assert.NotNull(cut);
        Assert.Equal(40, cut.Value.From);
        Assert.Equal(17, cut.Value.To, 0);
    }

    [Fact]
    public void OnThrottled_AdaptiveBeforeAnyAcceptedAnswer_LearnsNothing()
    {
        var limiter = new PacingRateLimiter("test", burst: 10, fixedRate: null, startRate: 10, _time);

        var cut = limiter.OnThrottled();

        Assert.Null(cut);
        Assert.Equal(10, limiter.CurrentRate);
    }

    private PacingRateLimiter Fixed(double rate, int burst) => new("test", burst, rate, rate, _time);
}
