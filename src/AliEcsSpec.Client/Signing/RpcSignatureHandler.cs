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

    /// <param name="keys">The current signing key, asked for on every attempt.</param>
    /// <param name="time">The clock of the <c>Timestamp</c>.</param>
    public RpcSignatureHandler(Func<CancellationToken, ValueTask<SigningKey>> keys, TimeProvider time)
    {
        _keys = keys;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RpcSigning.Request, out var rpc))
        {
            throw new InvalidOperationException(
                "The ECS client's HttpClient only sends requests built by EcsSpecClient: this one carries no RPC parameters.");
        }

        var key = await _keys(cancellationToken).ConfigureAwait(false);
        request.Options.TryGetValue(RpcSigning.ClockOffset, out var clockOffset);
        var signed = RpcSigner.SignForm(rpc, key, _time.GetUtcNow() + clockOffset, RpcSigner.NewNonce());

        request.Method = HttpMethod.Post;
        request.Content = new ByteArrayContent(signed.Body);
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Options.Set(RpcSigning.Signed, new SignedAttempt(key.AccessKeySecret, key.SecurityToken, signed.Signature));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
