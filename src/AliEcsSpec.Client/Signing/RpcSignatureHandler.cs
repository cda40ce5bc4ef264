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
    /// <summary>
    /// What to add to the local clock for this attempt's <c>Timestamp</c>: the offset the retry handler learned from
    /// the server's <c>Date</c> header after an <c>InvalidTimeStamp.Expired</c> answer. Zero when absent.
    /// </summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> ClockOffsetKey = new("AliEcsSpec.Client.ClockOffset");

    private readonly ICredentialsProvider _credentials;
    private readonly TimeProvider _time;

    public RpcSignatureHandler(ICredentialsProvider credentials, TimeProvider time)
    {
        _credentials = credentials;
        _time = time;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(UnsignedRpcRequest.OptionKey, out var rpc))
        {
            throw new InvalidOperationException(
                "The ECS client's HttpClient only sends requests built by EcsSpecClient: this one carries no RPC parameters.");
        }

        // Credentials are nearly always cached, so the common path signs and sends without an async state machine.
        var credentials = _credentials.GetCredentialsAsync(cancellationToken);
        if (credentials.IsCompletedSuccessfully)
        {
            Sign(request, rpc, credentials.Result);
            return base.SendAsync(request, cancellationToken);
        }

        return SignWhenCredentialsArriveAsync(request, rpc, credentials, cancellationToken);
    }

    private async Task<HttpResponseMessage> SignWhenCredentialsArriveAsync(
        HttpRequestMessage request, UnsignedRpcRequest rpc, ValueTask<AlibabaCloudCredentials> credentials, CancellationToken cancellationToken)
    {
        Sign(request, rpc, await credentials.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void Sign(HttpRequestMessage request, UnsignedRpcRequest rpc, AlibabaCloudCredentials credentials)
    {
        var now = request.Options.TryGetValue(ClockOffsetKey, out var offset) ? _time.GetUtcNow() + offset : _time.GetUtcNow();
        var signed = RpcSigner.SignForm(rpc, credentials, now, RpcSigner.NewNonce());

        request.Method = HttpMethod.Post;
        request.Content = new ByteArrayContent(signed.Body);
        // Unvalidated: the value is a constant, so parsing it into a MediaTypeHeaderValue on every attempt buys nothing.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Options.Set(SignedAttempt.OptionKey, new SignedAttempt(credentials.AccessKeySecret, credentials.SecurityToken, signed.Signature));
    }
}
