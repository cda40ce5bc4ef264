using AliEcsSpec.Client.Resilience.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Client.Tests.Resilience.RateLimiting;

/// <summary>One limiter per AccessKey ID, endpoint, settings and clock, for every client of the process.</summary>
public sealed class RateLimiterRegistryTests
{
    private static readonly Uri Endpoint = new("https://ecs.cn-hangzhou.aliyuncs.com/");
    private readonly RateLimiterRegistry _registry = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void For_SameKeyAndEndpoint_IsTheSameLimiter()
    {
        var first = _registry.For("LTAI-one", Endpoint, new EcsRateLimitOptions(), _time);
        var second = _registry.For("LTAI-one", new Uri("https://ECS.cn-hangzhou.aliyuncs.com/"), new EcsRateLimitOptions(), _time);

        Assert.Same(first, second);
    }

    [Fact]
    public void For_OtherAccessKeyId_IsAnotherLimiter()
    {
        var first = _registry.For("LTAI-one", Endpoint, new EcsRateLimitOptions(), _time);
        var second = _registry.For("LTAI-two", Endpoint, new EcsRateLimitOptions(), _time);

        Assert.NotSame(first, second);
    }

    [Fact]
    public void For_OtherEndpoint_IsAnotherLimiter()
    {
        var first = _registry.For("LTAI-one", Endpoint, new EcsRateLimitOptions(), _time);
        var second = _registry.For("LTAI-one", new Uri("https://ecs.cn-beijing.aliyuncs.com/"), new EcsRateLimitOptions(), _time);

        Assert.NotSame(first, second);
    }

    [Fact]
    public void For_OtherClock_IsAnotherLimiter()
    {
        var first = _registry.For("LTAI-one", Endpoint, new EcsRateLimitOptions(), _time);
        var second = _registry.For("LTAI-one", Endpoint, new EcsRateLimitOptions(), new FakeTimeProvider());

        Assert.NotSame(first, second);
    }

    [Fact]
    public void For_ModeOff_IsNoLimiter()
    {
        Assert.Null(_registry.For("LTAI-one", Endpoint, new EcsRateLimitOptions { Mode = RateLimitMode.Off }, _time));
    }

    [Fact]
    public void For_Fixed_PacesAtTheGivenRate()
    {
        var limiter = _registry.For("LTAI-one", Endpoint, new EcsRateLimitOptions { Mode = RateLimitMode.Fixed, RequestsPerSecond = 7.5 }, _time)!;

        Assert.False(limiter.IsAdaptive);
        Assert.Equal(7.5, limiter.CurrentRate);
    }

    [Fact]
    public void For_AdaptiveWithoutARate_StartsAtTheBurstPerSecond()
    {
        var limiter = _registry.For("LTAI-one", Endpoint, new EcsRateLimitOptions { Burst = 25 }, _time)!;

        Assert.True(limiter.IsAdaptive);
        Assert.Equal(25, limiter.CurrentRate);
    }

    [Fact]
    public void Rates_NameEachLimiterByEndpointAndARedactedKeyOnly()
    {
        _registry.For("LTAI5tSecretLookingId", Endpoint, new EcsRateLimitOptions(), _time);

        var (name, _) = Assert.Single(_registry.Rates());

        Assert.Equal("LTAI***@ecs.cn-hangzhou.aliyuncs.com", name);
    }
}
