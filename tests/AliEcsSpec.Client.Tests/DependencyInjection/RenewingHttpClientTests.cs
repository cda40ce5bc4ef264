using AliEcsSpec.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Client.Tests.DependencyInjection;

/// <summary>The DI client's <see cref="HttpClient"/>: one per half handler lifetime, not one per call.</summary>
public sealed class RenewingHttpClientTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly FakeTimeProvider _time = new(TestClient.Now);
    private readonly CountingFactory _factory = new();

    [Fact]
    public void Get_ManyTimesWithinHalfTheHandlerLifetime_CreatesOneClient()
    {
        var source = new RenewingHttpClient(_factory, "ecs", Lifetime, _time);

        var first = source.Get();
        _time.Advance(Lifetime / 2 - TimeSpan.FromTicks(1));
        var later = source.Get();

        Assert.Same(first, later);
        Assert.Equal(["ecs"], _factory.Created);
    }

    [Fact]
    public void Get_AfterHalfTheHandlerLifetime_CreatesANewClientFromTheFactory()
    {
        var source = new RenewingHttpClient(_factory, "ecs", Lifetime, _time);

        var first = source.Get();
        _time.Advance(Lifetime / 2);
        var renewed = source.Get();

        Assert.NotSame(first, renewed);
        Assert.Same(renewed, source.Get());
        Assert.Equal(["ecs", "ecs"], _factory.Created);
    }

    [Fact]
    public void Get_InfiniteHandlerLifetime_NeverRenews()
    {
        var source = new RenewingHttpClient(_factory, "ecs", Timeout.InfiniteTimeSpan, _time);

        var first = source.Get();
        _time.Advance(TimeSpan.FromDays(365));

        Assert.Same(first, source.Get());
        Assert.Single(_factory.Created);
    }

    private sealed class CountingFactory : IHttpClientFactory
    {
        public List<string> Created { get; } = [];

        public HttpClient CreateClient(string name)
        {
            Created.Add(name);
            return new HttpClient();
        }
    }
}
