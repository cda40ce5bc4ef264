using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Benchmarks.Transport;

/// <summary>
/// A Kestrel endpoint on 127.0.0.1 that reads each request's body and answers with the documented success body of
/// the action it names: the network cost every client pays, the same for every case.
/// </summary>
internal sealed class LoopbackEcsServer : IAsyncDisposable
{
    private static readonly byte[] PrepayAction = "Action=ModifyPrepayInstanceSpec"u8.ToArray();

    private readonly WebApplication _app;

    private LoopbackEcsServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>Where the server listens, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Endpoint { get; }

    public static async Task<LoopbackEcsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        app.Run(AnswerAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        return new LoopbackEcsServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        var prepay = false;
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            prepay |= NamesPrepay(read.Buffer);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        var body = prepay ? Workload.PrepaySuccessBody : Workload.SpecSuccessBody;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json;charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool NamesPrepay(in ReadOnlySequence<byte> buffer)
    {
        // Bodies are a few hundred bytes and arrive in one segment; a split one is searched as one copy.
        var bytes = buffer.IsSingleSegment ? buffer.FirstSpan : buffer.ToArray();
        return bytes.IndexOf(PrepayAction) >= 0;
    }
}
