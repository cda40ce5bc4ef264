using System.Net;
using System.Net.Http.Headers;

namespace AliEcsSpec.Client.Benchmarks.Transport;

/// <summary>
/// Answers every request at once with a fixed documented body, so that a case measures only what the code on the
/// client side costs: no sockets, no server, no waiting.
/// </summary>
internal sealed class InMemoryEcsHandler(byte[] body) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
        });
}
