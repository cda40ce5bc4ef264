using AliEcsSpec.Client.Resilience.RateLimiting;

namespace AliEcsSpec.Client.Tests.Resilience.RateLimiting;

/// <summary>The bucket of sends that actually go out: a burst, then the rate; nothing saved up after a throttle or a hold.</summary>
public sealed class SendGateTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Take_BurstSpent_WaitsOneInterval()
    {
        var gate = new SendGate(burst: 2);

        double[] waits = [gate.Take(0, rate: 10, burst: 2, Tolerance), gate.Take(0, 10, 2, Tolerance), gate.Take(0, 10, 2, Tolerance)];

        Assert.Equal([0, 0, 0.1], waits, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Take_AfterAWait_TakesWhatRefilled()
    {
        var gate = new SendGate(burst: 1);
        gate.Take(0, 10, 1, Tolerance);

        Assert.Equal(0, gate.Take(0.1, 10, 1, Tolerance));
    }

    [Fact]
    public void Hold_Throttled_LeavesNoBurstSavedUp()
    {
        var gate = new SendGate(burst: 10);

        gate.Hold(1, until: 1, level: 0, rate: 10, burst: 10);

        Assert.Equal(0.1, gate.Take(1, 10, 10, Tolerance), 9);
    }

    [Fact]
    public void Hold_ServerHint_NoSendBeforeItThenOneInterval()
    {
        var gate = new SendGate(burst: 10);
        gate.Hold(0, until: 2, level: 1, rate: 10, burst: 10);

        double[] waits = [gate.Take(0, 10, 10, Tolerance), gate.Take(2, 10, 10, Tolerance), gate.Take(2, 10, 10, Tolerance)];

        Assert.Equal([2, 0, 0.1], waits, (a, b) => Math.Abs(a - b) < 1e-9);
    }
}
