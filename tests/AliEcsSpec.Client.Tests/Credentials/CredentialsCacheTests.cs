using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Client.Tests.Credentials;

/// <summary>Temporary credentials: cached, refreshed before expiry, once at a time, never used once expired.</summary>
public sealed class CredentialsCacheTests
{
    private readonly FakeTimeProvider _time = new(TestClient.Now);
    private readonly FakeLogger _logger = new();
    private int _fetches;

    private CredentialsCache Cache(Func<int, Task<AlibabaCloudCredentials>> fetch) =>
        new(_ => fetch(Interlocked.Increment(ref _fetches)), _time, _logger, "test source");

    private AlibabaCloudCredentials Set(int n, TimeSpan lifetime) =>
        new($"STS.id-{n}", $"secret-{n}", $"token-{n}", _time.GetUtcNow() + lifetime);

    [Fact]
    public async Task GetAsync_FreshSet_IsServedFromTheCacheWithoutFetching()
    {
        var cache = Cache(n => Task.FromResult(Set(n, TimeSpan.FromHours(1))));

        var first = await cache.GetAsync(default);
        _time.Advance(TimeSpan.FromMinutes(50));
        var second = await cache.GetAsync(default);

        Assert.Same(first, second);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetAsync_WithinTheMarginBeforeExpiry_Refreshes()
    {
        var cache = Cache(n => Task.FromResult(Set(n, TimeSpan.FromHours(1))));

        await cache.GetAsync(default);
        _time.Advance(TimeSpan.FromHours(1) - CredentialsCache.RefreshMargin + TimeSpan.FromSeconds(1));
        var refreshed = await EventuallyAsync(cache, "STS.id-2");

        Assert.Equal(("STS.id-2", 2), (refreshed.AccessKeyId, _fetches));
    }

    [Fact]
    public async Task GetAsync_HundredConcurrentCallersWithNothingCached_FetchOnce()
    {
        var release = new TaskCompletionSource();
        var cache = Cache(async n =>
        {
            await release.Task;
            return Set(n, TimeSpan.FromHours(1));
        });

        var calls = Enumerable.Range(0, 100).Select(_ => Task.Run(() => cache.GetAsync(default).AsTask())).ToList();
        await Task.Delay(50);
        release.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, _fetches);
        Assert.All(results, r => Assert.Equal("STS.id-1", r.AccessKeyId));
    }

    [Fact]
    public async Task GetAsync_HundredConcurrentCallersDuringARefresh_RefreshOnceAndKeepServingTheValidSet()
    {
        var release = new TaskCompletionSource();
        var cache = Cache(async n =>
        {
            if (n > 1)
            {
                await release.Task;
            }

            return Set(n, TimeSpan.FromHours(1));
        });
        await cache.GetAsync(default);
        _time.Advance(TimeSpan.FromMinutes(58));

        var calls = Enumerable.Range(0, 100).Select(_ => Task.Run(() => cache.GetAsync(default).AsTask())).ToList();
        await Task.Delay(50);
        release.SetResult();
        var served = await Task.WhenAll(calls);
        var refreshed = await EventuallyAsync(cache, "STS.id-2");

        Assert.All(served, c => Assert.StartsWith("STS.id-", c.AccessKeyId, StringComparison.Ordinal));
        Assert.Equal(2, _fetches);
        Assert.Equal("STS.id-2", refreshed.AccessKeyId);
    }

    [Fact]
    public async Task GetAsync_RefreshFailsWhileTheSetIsStillValid_KeepsItAndLogsAWarning()
    {
        var cache = Cache(n => n == 1 ? Task.FromResult(Set(n, TimeSpan.FromHours(1))) : throw new EcsCredentialsException("STS is down"));
        await cache.GetAsync(default);
        _time.Advance(TimeSpan.FromMinutes(58));

        var kept = await cache.GetAsync(default);
        for (var i = 0; i < 200 && _logger.Collector.Count == 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal("STS.id-1", kept.AccessKeyId);
        var warning = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("test source", warning.Message, StringComparison.Ordinal);
        Assert.Contains("STS is down", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_RefreshFailsAfterExpiry_ThrowsInsteadOfUsingTheExpiredSet()
    {
        var cache = Cache(n => n == 1 ? Task.FromResult(Set(n, TimeSpan.FromHours(1))) : throw new EcsCredentialsException("STS is down"));
        await cache.GetAsync(default);
        _time.Advance(TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => cache.GetAsync(default).AsTask());

        Assert.Equal("STS is down", error.Message);
    }

    [Fact]
    public async Task GetAsync_FetchThrowsSomethingElse_BecomesACredentialsExceptionNamingTheSource()
    {
        var cache = Cache(_ => throw new HttpRequestException("connection refused"));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => cache.GetAsync(default).AsTask());

        Assert.Equal("test source: could not get credentials (HttpRequestException).", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task GetAsync_TheFirstCallerCancels_TheSharedFetchStillCompletesForTheOthers()
    {
        var release = new TaskCompletionSource();
        var cache = Cache(async n =>
        {
            await release.Task;
            return Set(n, TimeSpan.FromHours(1));
        });
        using var impatient = new CancellationTokenSource();

        var cancelled = cache.GetAsync(impatient.Token).AsTask();
        var patient = cache.GetAsync(default).AsTask();
        await impatient.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("STS.id-1", (await patient).AccessKeyId);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetAsync_TwentyConcurrentCallersAndTheFetchFails_OneFetchAndEveryoneGetsTheError()
    {
        var release = new TaskCompletionSource();
        var cache = Cache(async _ =>
        {
            await release.Task;
            throw new EcsCredentialsException("metadata service did not answer");
        });

        // All twenty ask while the fetch is in flight: issued from here, not from pool threads that a busy machine may
        // start only after the release (the real 50 ms pause this replaced let them arrive late).
        var calls = Enumerable.Range(0, 20).Select(_ => cache.GetAsync(default).AsTask()).ToList();
        release.SetResult();

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => call);
            Assert.Equal("metadata service did not answer", error.Message);
        }

        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetAsync_FetchedSetAlreadyExpired_IsRefusedNotReturned()
    {
        var cache = Cache(n => Task.FromResult(Set(n, TimeSpan.FromMinutes(-1))));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => cache.GetAsync(default).AsTask());

        Assert.Contains("expired at 2026-11-23T08:29:15.0000000+00:00, before they could be used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ShortLivedSet_IsRefreshedAtHalfItsLifeNotOnEveryCall()
    {
        var cache = Cache(n => Task.FromResult(Set(n, TimeSpan.FromMinutes(2))));

        await cache.GetAsync(default);
        _time.Advance(TimeSpan.FromSeconds(59));
        var stillFirst = await cache.GetAsync(default);
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await EventuallyAsync(cache, "STS.id-2");

        Assert.Equal(("STS.id-1", "STS.id-2", 2), (stillFirst.AccessKeyId, second.AccessKeyId, _fetches));
    }

    private static async Task<AlibabaCloudCredentials> EventuallyAsync(CredentialsCache cache, string accessKeyId)
    {
        for (var i = 0; i < 200; i++)
        {
            var credentials = await cache.GetAsync(default);
            if (credentials.AccessKeyId == accessKeyId)
            {
                return credentials;
            }

            await Task.Delay(10);
        }

        return await cache.GetAsync(default);
    }
}
