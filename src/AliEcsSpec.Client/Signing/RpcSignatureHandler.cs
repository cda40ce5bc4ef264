using AliEcsSpec.Client.Diagnostics;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// Signs every HTTP attempt with Alibaba Cloud's RPC signature (HMAC-SHA1, SignatureVersion 1.0). Runs once per
/// attempt, inside any retry loop, so that each attempt carries a fresh <c>SignatureNonce</c>, a fresh
/// <c>Timestamp</c> and the current credentials. Every parameter travels in a
/// <c>application/x-www-form-urlencoded</c> POST body, so nothing secret or personal sits in a URL.
/// </summary>
internal sealed class RpcSignatureHandler : DelegatingHandler
{
    private readonly Func<CancellationToken, ValueTask<SigningKey>> _keys;
    private readonly TimeProvider _time;
    private readonly Func<Uri, TimeSpan> _clockOffset;

    /// <param name="keys">The current signing key, asked for on every attempt.</param>
    /// <param name="time">The clock of the <c>Timestamp</c>.</param>
    /// <param name="clockOffset">
    /// What to add to that clock for an endpoint: the offset learnt from the server's <c>Date</c> header after an
    /// <c>InvalidTimeStamp.Expired</c> answer, asked for on every attempt.
    /// </param>
    public RpcSignatureHandler(Func<CancellationToken, ValueTask<SigningKey>> keys, TimeProvider time, Func<Uri, TimeSpan> clockOffset)
    {
        _keys = keys;
        _time = time;
        _clockOffset = clockOffset;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RpcSigning.Request, out var rpc))
        {
            throw new InvalidOperationException(
                "The ECS client's HttpClient only sends requests built by EcsSpecClient: this one carries no RPC parameters.");
        }

        // The key is almost always cached; only when it is being fetched does the attempt wait (in a state machine).
        var key = _keys(cancellationToken);
        return key.IsCompletedSuccessfully
            ? SignAndSend(request, rpc, key.Result, cancellationToken)
            : SignWhenKeyArrivesAsync(request, rpc, key, cancellationToken);
    }

    private async Task<HttpResponseMessage> SignWhenKeyArrivesAsync(
        HttpRequestMessage request, UnsignedRpcRequest rpc, ValueTask<SigningKey> key, CancellationToken cancellationToken) =>
        await SignAndSend(request, rpc, await key.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private Task<HttpResponseMessage> SignAndSend(HttpRequestMessage request, UnsignedRpcRequest rpc, SigningKey key, CancellationToken cancellationToken)
    {
        var signed = RpcSigner.SignForm(rpc, key, _time.GetUtcNow() + _clockOffset(request.RequestUri!), RpcSigner.NewNonce());
        request.Method = HttpMethod.Post;
        request.Content = new ByteArrayContent(signed.Body);
        // Added as text, not as a MediaTypeHeaderValue, which the socket handler would format into a new string per attempt.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Options.Set(RpcSigning.Signed, new SensitiveValues(key.AccessKeySecret, key.SecurityToken, signed.Signature));
        return base.SendAsync(request, cancellationToken);
    }
}
