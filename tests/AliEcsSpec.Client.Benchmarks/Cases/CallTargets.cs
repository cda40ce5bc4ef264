using AliEcsSpec.Client.Benchmarks.Baselines;
using AliEcsSpec.Client.Benchmarks.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Benchmarks.Cases;

/// <summary>The floor, the minimal signer and the client, wired to one transport, so that they are compared on equal terms.</summary>
internal sealed class CallTargets : IAsyncDisposable
{
    private readonly LoopbackEcsServer? _server;
    private readonly ServiceProvider _services;
    private readonly ServiceProvider? _prepayServices;

    private CallTargets(LoopbackEcsServer? server, HttpClient plain, Uri endpoint, ServiceProvider services, ServiceProvider? prepayServices)
    {
        _server = server;
        Plain = plain;
        Endpoint = endpoint;
        Floor = new FloorCall(plain, endpoint);
        _services = services;
        _prepayServices = prepayServices;
        Client = services.GetRequiredService<IEcsSpecClient>();
        PrepayClient = (prepayServices ?? services).GetRequiredService<IEcsSpecClient>();
    }

    public HttpClient Plain { get; }

    public Uri Endpoint { get; }

    public FloorCall Floor { get; }

    /// <summary>The DI-built client, full pipeline: token, retry pipeline, signing, logging, parsing.</summary>
    public IEcsSpecClient Client { get; }

    /// <summary>The same, answered with the prepaid success body when the transport is in memory.</summary>
    public IEcsSpecClient PrepayClient { get; }

    public static async Task<CallTargets> CreateAsync(string transport)
    {
        if (transport == Transports.Loopback)
        {
            var server = await LoopbackEcsServer.StartAsync().ConfigureAwait(false);
            var plain = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
            return new CallTargets(server, plain, server.Endpoint, BuildClient(server.Endpoint, null), null);
        }

        // Never contacted: the in-memory handlers answer before any socket is opened.
        var endpoint = new Uri("http://127.0.0.1:9/");
        return new CallTargets(
            null,
            new HttpClient(new InMemoryEcsHandler(Workload.SpecSuccessBody)),
            endpoint,
            BuildClient(endpoint, Workload.SpecSuccessBody),
            BuildClient(endpoint, Workload.PrepaySuccessBody));
    }

    public async ValueTask DisposeAsync()
    {
        Plain.Dispose();
        await _services.DisposeAsync().ConfigureAwait(false);
        if (_prepayServices is not null)
        {
            await _prepayServices.DisposeAsync().ConfigureAwait(false);
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ServiceProvider BuildClient(Uri endpoint, byte[]? inMemoryBody)
    {
        var services = new ServiceCollection();
        // Logging on at Information, as in a typical app, with no provider listening.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information));
        var http = services.AddEcsSpecClient(options =>
        {
            options.Endpoint = endpoint;
            options.AccessKeyId = Workload.AccessKeyId;
            options.AccessKeySecret = Workload.AccessKeySecret;
        });
        if (inMemoryBody is not null)
        {
            http.ConfigurePrimaryHttpMessageHandler(() => new InMemoryEcsHandler(inMemoryBody));
        }

        return services.BuildServiceProvider();
    }
}

/// <summary>The transports every call case runs over.</summary>
public static class Transports
{
    /// <summary>An in-memory handler: only the client-side cost.</summary>
    public const string InMemory = "in-memory";

    /// <summary>A Kestrel endpoint on 127.0.0.1: the network cost as well.</summary>
    public const string Loopback = "loopback";
}
