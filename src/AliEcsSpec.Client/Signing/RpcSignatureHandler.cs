using System.Net.Http.Headers;
using System.Text;
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

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(UnsignedRpcRequest.OptionKey, out var rpc))
        {
            throw new InvalidOperationException(
                "The ECS client's HttpClient only sends requests built by EcsSpecClient: this one carries no RPC parameters.");
        }

        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var now = request.Options.TryGetValue(ClockOffsetKey, out var offset) ? _time.GetUtcNow() + offset : _time.GetUtcNow();
        var signed = RpcSigner.SignForm(rpc, credentials, now, Guid.NewGuid().ToString("D"));

        request.Method = HttpMethod.Post;
        request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(signed.Body))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") },
        };
        request.Options.Set(SignedAttempt.OptionKey, new SignedAttempt(credentials.AccessKeySecret, credentials.SecurityToken, signed.Signature));

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
