using AliEcsSpec.Client.Errors;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Client.Tests.Support;
using AliEcsSpec.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace AliEcsSpec.Client.Tests.Resilience.RateLimiting;

/// <summary>
/// Calls through a rate limiter, on the test client's fake clock: every attempt waits for a permit, a throttling
/// answer is retried at the next permit, the wait counts against the total time-out and the caller's cancellation,
/// and a server's hint holds the key.
/// </summary>
public sealed class RateLimitedCallTests
{
    private readonly List<TimeSpan> _sentAt = [];

    [Fact]
    public async Task ModifyInstanceSpecAsync_ThrottledUnderAFixedRate_RetriesAtTheNextPermitInsteadOfTheBackoff()
    {
        using var test = Paced(RateLimitMode.Fixed, rate: 10, burst: 1);
        test.AnswerInTurn(Timed(test, TestClient.Error(400, "Throttling")), Timed(test, TestClient.SpecSuccess));

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        // The next permit is 0.1 s away; the throttling back-off would be at least 1 s (2 s base, jitter down to half).
        // The fake clock moves in 100 ms steps while the call runs, so a busy machine may see the retry a step or two late.
        Assert.InRange((_sentAt[1] - _sentAt[0]).TotalSeconds, 0.1, 0.5);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_PacedThrottles_CostTheRetryBudgetNothing()
    {
        using var test = Paced(RateLimitMode.Fixed, rate: 10, burst: 1);
        test.AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(RetryBudget.Capacity, test.Budget.Available);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_MoreThrottlesThanMaxAttempts_PacedRetriesDoNotCountAgainstIt()
    {
        using var test = Paced(RateLimitMode.Fixed, rate: 10, burst: 1);
        test.AnswerInTurn([.. Enumerable.Repeat(TestClient.Error(400, "Throttling"), 6), TestClient.SpecSuccess]);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(7, test.Sent.Count);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_AdaptiveModeThrottled_RetriesAtTheNextPermit()
    {
        using var test = Paced(RateLimitMode.Adaptive, rate: null, burst: 10);
        test.AnswerInTurn(Timed(test, TestClient.Error(400, "Throttling")), Timed(test, TestClient.SpecSuccess));

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.InRange((_sentAt[1] - _sentAt[0]).TotalSeconds, 0, 0.2);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_PermitLaterThanTheTotalTimeout_FailsWithoutSendingAndSaysWhy()
    {
        using var test = Paced(RateLimitMode.Fixed, rate: 0.1, burst: 1, o => (o.Retry.TotalTimeout, o.Retry.AttemptTimeout) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)));
        test.AnswerInTurn(TestClient.SpecSuccess, TestClient.SpecSuccess);
        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        var error = await Assert.ThrowsAsync<EcsTransportException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Single(test.Sent);
        Assert.False(error.RequestMayHaveBeenSent);
        Assert.Equal("Retry.TotalTimeout was reached before the next attempt could start; it was not sent.", error.Error.Message);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_PermitWaitLongerThanTheAttemptTimeout_IsNotTheAttemptsTime()
    {
        using var test = Paced(RateLimitMode.Fixed, rate: 0.5, burst: 1, o => (o.Retry.TotalTimeout, o.Retry.AttemptTimeout) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)));
        test.AnswerInTurn(Timed(test, TestClient.SpecSuccess), Timed(test, TestClient.SpecSuccess));
        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        // The second attempt waited its 2 s permit although its attempt time-out is 1 s. The fake clock moves in 100 ms
        // steps while the call runs, so a busy machine may stamp either send a step or more late (the first one late
        // makes the gap 1.9 s); the next permit would be at 4 s, and the attempt time-out alone would end at 1 s.
        Assert.InRange((_sentAt[1] - _sentAt[0]).TotalSeconds, 1.9, 3);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_CancelledWhileWaitingForAPermit_ThrowsOperationCanceledAndSendsNothingMore()
    {
        using var test = Paced(RateLimitMode.Fixed, rate: 0.1, burst: 1);
        test.AnswerInTurn(TestClient.SpecSuccess, TestClient.SpecSuccess);
        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));
        using var cancel = new CancellationTokenSource();

        var waiting = test.Client.ModifyInstanceSpecAsync(TestClient.Spec(), cancel.Token);
        test.Time.Advance(TimeSpan.FromSeconds(1));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Single(test.Sent);
    }

    [Theory]
    [InlineData("Retry-After", "3", 3)]
    [InlineData("x-acs-retry-after", "2", 2)]
    public async Task ModifyInstanceSpecAsync_ThrottledWithAServerHint_SendsAgainOnlyOnceItHasPassed(string header, string value, double seconds)
    {
        using var test = Paced(RateLimitMode.Fixed, rate: 100, burst: 10);
        test.AnswerInTurn(
            Timed(test, TestClient.Error(400, "Throttling", response => response.Headers.TryAddWithoutValidation(header, value))),
            Timed(test, TestClient.SpecSuccess));

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        // Not before the hint; the fake clock's 100 ms steps (and the waiter's naps between them) may add a little.
        Assert.InRange((_sentAt[1] - _sentAt[0]).TotalSeconds, seconds, seconds + 0.5);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_UnpacedAndThrottledWithAHintLongerThanTheBackoff_WaitsForTheHint()
    {
        var delays = new List<TimeSpan>();
        using var test = Paced(RateLimitMode.Off, rate: null, burst: 10, o => o.Retry.OnRetry = e => { delays.Add(e.Delay); return ValueTask.CompletedTask; });
        test.AnswerInTurn(TestClient.Error(400, "Throttling", response => response.Headers.TryAddWithoutValidation("Retry-After", "5")), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal([TimeSpan.FromSeconds(5)], delays);
    }

    [Fact]
    public async Task Clients_OfOneKeyAndEndpoint_ShareOneLimiterAndOthersGetTheirOwn()
    {
        var registry = new RateLimiterRegistry();
        var time = new FakeTimeProvider(TestClient.Now);
        using var first = Client("LTAI-one", registry, time);
        using var second = Client("LTAI-one", registry, time);
        using var other = Client("LTAI-two", registry, time);

        await first.ModifyInstanceSpecAsync(TestClient.Spec());
        var waiting = second.ModifyInstanceSpecAsync(TestClient.Spec());
        await other.ModifyInstanceSpecAsync(TestClient.Spec());
        await Task.Delay(20);
        var secondWaited = !waiting.IsCompleted;
        await time.RunAsync(waiting);

        Assert.True(secondWaited, "the second client of the key should wait for the permit the first one took");
        Assert.Equal(["LTAI***@ecs.cn-hangzhou.aliyuncs.com", "LTAI***@ecs.cn-hangzhou.aliyuncs.com"], registry.Rates().Select(r => r.Name));
    }

    [Fact]
    public void AddEcsSpecClient_RegistersTheProcessWideRegistryAsASingleton()
    {
        var services = new ServiceCollection();
        services.AddEcsSpecClient(o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "id"; o.AccessKeySecret = "s"; });
        using var provider = services.BuildServiceProvider();

        Assert.Same(RateLimiterRegistry.Shared, provider.GetRequiredService<RateLimiterRegistry>());
    }

    private static EcsSpecClient Client(string accessKeyId, RateLimiterRegistry registry, TimeProvider time)
    {
        var options = new EcsSpecClientOptions { RegionId = "cn-hangzhou", AccessKeyId = accessKeyId, AccessKeySecret = "s" };
        (options.RateLimit.Mode, options.RateLimit.RequestsPerSecond, options.RateLimit.Burst) = (RateLimitMode.Fixed, 1, 1);
        var handler = new MockHttpMessageHandler();
        handler.When(HttpMethod.Post, "*").Respond("application/json", """{"RequestId":"r"}""");
        return new EcsSpecClientBuilder(options) { PrimaryHandler = handler, TimeProvider = time, RateLimiters = registry, Budget = new RetryBudget() }.Build();
    }

    private static TestClient Paced(RateLimitMode mode, double? rate, int burst, Action<EcsSpecClientOptions>? configure = null) => new(
        o =>
        {
            (o.RateLimit.Mode, o.RateLimit.RequestsPerSecond, o.RateLimit.Burst) = (mode, rate, burst);
            configure?.Invoke(o);
        },
        retries: true);

    /// <summary>A step that notes the fake time at which its attempt was sent.</summary>
    private Func<HttpRequestMessage, HttpResponseMessage> Timed(TestClient test, Func<HttpRequestMessage, HttpResponseMessage> step) => request =>
    {
        _sentAt.Add(test.Time.GetUtcNow() - TestClient.Now);
        return step(request);
    };
}
