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
        var refreshed = await cache.GetAsync(default);

        Assert.Equal("STS.id-2", refreshed.AccessKeyId);
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
        await Task.WhenAll(calls);

        Assert.Equal(2, _fetches);
        Assert.Equal("STS.id-2", (await cache.GetAsync(default)).AccessKeyId);
    }

    [Fact]
    public async Task GetAsync_RefreshFailsWhileTheSetIsStillValid_KeepsItAndLogsAWarning()
    {
        var cache = Cache(n => n == 1 ? Task.FromResult(Set(n, TimeSpan.FromHours(1))) : throw new EcsCredentialsException("STS is down"));
        await cache.GetAsync(default);
        _time.Advance(TimeSpan.FromMinutes(58));

        var kept = await cache.GetAsync(default);

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

        Assert.Equal("test source: could not get credentials (HttpRequestException: connection refused)", error.Message);
    }
}
