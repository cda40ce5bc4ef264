using AliEcsSpec.Client;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Emulator.Tests.Support;
using AliEcsSpec.Tests;

namespace AliEcsSpec.Emulator.Tests.Faults;

/// <summary>The emulator's <c>Retry-After</c> hint, end to end over HTTP: the client's limiter holds the key until it has passed.</summary>
public sealed class RetryAfterOverHttpTests
{
    private static readonly TimeSpan LoopbackPause = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task Throttled_WithRetryAfter_ThePacedClientSendsAgainOnlyAfterTheHintAndSucceeds()
    {
        await using var h = await Harness.StartAsync(o => (o.ThrottleRequestsPerSecond, o.ThrottleBurst, o.ThrottleRetryAfter) = (1, 1, TimeSpan.FromSeconds(2)));
        var options = new EcsSpecClientOptions { Endpoint = h.Emulator.Endpoint, AccessKeyId = h.Emulator.AccessKeyId, AccessKeySecret = h.Emulator.AccessKeySecret };
        (options.RateLimit.Mode, options.RateLimit.RequestsPerSecond, options.RateLimit.Burst) = (RateLimitMode.Fixed, 100, 10);
        using var client = new EcsSpecClientBuilder(options) { TimeProvider = h.Time, RateLimiters = new RateLimiterRegistry(), Budget = new RetryBudget() }.Build();

        await h.Time.RunAsync(client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20 }), LoopbackPause);
        await h.Time.RunAsync(client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-stopped-01", InternetMaxBandwidthOut = 20 }), LoopbackPause);

        var log = h.State.RequestLog.Where(e => e.Action == "ModifyInstanceSpec").ToList();
        Assert.Equal([200, 400, 200], log.Select(e => e.Status));
        Assert.Equal("Throttling", log[1].Code);
        Assert.True(log[2].At - log[1].At >= TimeSpan.FromSeconds(2), $"sent again {(log[2].At - log[1].At).TotalSeconds} s after the hint of 2 s");
    }
}
