using AliEcsSpec.Client.Credentials;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// Signs every HTTP attempt with Alibaba Cloud's RPC signature (HMAC-SHA1, SignatureVersion 1.0). Runs once per
/// attempt, inside any retry loop, so that each attempt carries a fresh <c>SignatureNonce</c>, a fresh
/// <c>Timestamp</c> and the current credentials. Every parameter travels in a
/// <c>application/x-www-form-urlencoded</c> POST body, so nothing secret or personal sits in a URL.
/// </summary>
internal sealed class RpcSignatureHandler : DelegatingHandler
{
    private readonly ICredentialsProvider _credentials;
    private readonly TimeProvider _time;

    public RpcSignatureHandler(ICredentialsProvider credentials, TimeProvider time)
    {
        _credentials = credentials;
        _time = time;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var rpc = RpcRequestMessage.Of(request);

        // Credentials are nearly always cached, so the common path signs and sends without an async state machine.
        var credentials = _credentials.GetCredentialsAsync(cancellationToken);
        if (credentials.IsCompletedSuccessfully)
        {
            Sign(rpc, credentials.Result);
            return base.SendAsync(request, cancellationToken);
        }

        return SignWhenCredentialsArriveAsync(rpc, credentials, cancellationToken);
    }

    private async Task<HttpResponseMessage> SignWhenCredentialsArriveAsync(
        RpcRequestMessage request, ValueTask<AlibabaCloudCredentials> credentials, CancellationToken cancellationToken)
    {
        Sign(request, await credentials.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void Sign(RpcRequestMessage request, AlibabaCloudCredentials credentials)
    {
        var signed = RpcSigner.SignForm(request.Rpc, credentials, _time.GetUtcNow() + request.ClockOffset, RpcSigner.NewNonce());

        request.Method = HttpMethod.Post;
        request.Content = new ByteArrayContent(signed.Body);
        // Unvalidated: the value is a constant, so parsing it into a MediaTypeHeaderValue on every attempt buys nothing.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Signed = new SignedAttempt(credentials.AccessKeySecret, credentials.SecurityToken, signed.Signature);
    }
}
