using Microsoft.Extensions.Http;

namespace AliEcsSpec.Client;

/// <summary>
/// The ECS client's <see cref="HttpClient"/> under dependency injection: one from <see cref="IHttpClientFactory"/>,
/// reused for half the factory's handler lifetime and then replaced by a new one.
/// </summary>
/// <remarks>
/// Creating a client per call costs an <see cref="HttpClient"/>, its cancellation source and an options lookup on
/// every call. Holding one for ever would pin the first handler chain and defeat the factory's handler rotation.
/// Renewing at half the lifetime keeps that rotation: no handler chain is used more than one and a half lifetimes
/// after the factory made it, and the factory disposes an expired chain once the replaced client is collected.
/// </remarks>
internal sealed class RenewingHttpClient
{
    private readonly IHttpClientFactory _factory;
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly TimeSpan _renewAfter;
    private Lease? _current;

    /// <param name="factory">The factory the clients come from.</param>
    /// <param name="name">The name of the clients.</param>
    /// <param name="handlerLifetime">The factory's <see cref="HttpClientFactoryOptions.HandlerLifetime"/> for that name.</param>
    /// <param name="time">The clock that ages the current client.</param>
    public RenewingHttpClient(IHttpClientFactory factory, string name, TimeSpan handlerLifetime, TimeProvider time)
    {
        _factory = factory;
        _name = name;
        _time = time;
        _renewAfter = handlerLifetime == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : handlerLifetime / 2;
    }

    /// <summary>The current client, or a new one when the current one has served its time.</summary>
    public HttpClient Get()
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && _time.GetElapsedTime(current.Since) < _renewAfter)
        {
            return current.Client;
        }

        // Two callers may both renew at the turn; the second replaces the first, and both clients work.
        var renewed = new Lease(_factory.CreateClient(_name), _time.GetTimestamp());
        Volatile.Write(ref _current, renewed);
        return renewed.Client;
    }

    private sealed record Lease(HttpClient Client, long Since);
}
