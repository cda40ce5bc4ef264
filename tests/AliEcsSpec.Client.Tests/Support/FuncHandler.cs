namespace AliEcsSpec.Client.Tests.Support;

/// <summary>A primary handler that runs a function, for behaviours MockHttp cannot express (waiting on the token).</summary>
internal sealed class FuncHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
{
    public int Calls { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        return send(request, cancellationToken);
    }
}
