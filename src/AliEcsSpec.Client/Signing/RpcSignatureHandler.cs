using AliEcsSpec.Client.Diagnostics;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// Signs every HTTP attempt, with Alibaba Cloud's RPC signature (V2: HMAC-SHA1, SignatureVersion 1.0) or with the
/// signature V3 (ACS3-HMAC-SHA256). Runs once per attempt, inside any retry loop, so that each attempt carries a fresh
/// nonce, a fresh timestamp and the current credentials. The operation's parameters travel in an
/// <c>application/x-www-form-urlencoded</c> POST body (V2 adds its common parameters there, V3 puts them in
/// <c>x-acs-*</c> headers), so nothing secret or personal sits in a URL.
/// </summary>
internal sealed class RpcSignatureHandler : DelegatingHandler
{
    private readonly Func<CancellationToken, ValueTask<SigningKey>> _keys;
    private readonly TimeProvider _time;
    private readonly Func<Uri, TimeSpan> _clockOffset;
    private readonly SignatureVersion _version;

    /// <param name="keys">The current signing key, asked for on every attempt.</param>
    /// <param name="time">The clock of V2's <c>Timestamp</c> and of V3's <c>x-acs-date</c>.</param>
    /// <param name="clockOffset">
    /// What to add to that clock for an endpoint: the offset learnt from the server's <c>Date</c> header after an
    /// <c>InvalidTimeStamp.Expired</c> answer, asked for on every attempt.
    /// </param>
    /// <param name="version">The signature every attempt gets.</param>
    public RpcSignatureHandler(
        Func<CancellationToken, ValueTask<SigningKey>> keys, TimeProvider time, Func<Uri, TimeSpan> clockOffset, SignatureVersion version)
    {
        _keys = keys;
        _time = time;
        _clockOffset = clockOffset;
        _version = version;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is not RpcRequestMessage rpc)
        {
            throw new InvalidOperationException(
                "The ECS client's HttpClient only sends requests built by EcsSpecClient: this one carries no RPC parameters.");
        }

        // The key is almost always cached; only when it is being fetched does the attempt wait (in a state machine).
        var key = _keys(cancellationToken);
        return key.IsCompletedSuccessfully
            ? SignAndSend(rpc, key.Result, cancellationToken)
            : SignWhenKeyArrivesAsync(rpc, key, cancellationToken);
    }

    private async Task<HttpResponseMessage> SignWhenKeyArrivesAsync(
        RpcRequestMessage request, ValueTask<SigningKey> key, CancellationToken cancellationToken) =>
        await SignAndSend(request, await key.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private Task<HttpResponseMessage> SignAndSend(RpcRequestMessage request, SigningKey key, CancellationToken cancellationToken)
    {
        var timestamp = _time.GetUtcNow() + _clockOffset(request.RequestUri!);
        var signature = _version == SignatureVersion.V3
            ? SignV3(request, request.Rpc, key, timestamp)
            : SignV2(request, request.Rpc, key, timestamp);
        request.Method = HttpMethod.Post;
        // Added as text, not as a MediaTypeHeaderValue, which the socket handler would format into a new string per attempt.
        request.Content!.Headers.TryAddWithoutValidation("Content-Type", AcsV3Signer.FormContentType);
        request.Signed(new SensitiveValues(key.AccessKeySecret, key.SecurityToken, signature));
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Puts the V2-signed form on the request; returns the signature.</summary>
    private static string SignV2(HttpRequestMessage request, UnsignedRpcRequest rpc, SigningKey key, DateTimeOffset timestamp)
    {
        var signed = RpcSigner.SignForm(rpc, key, timestamp, RpcSigner.NewNonce());
        request.Content = new ByteArrayContent(signed.Body);
        return signed.Signature;
    }

    /// <summary>
    /// Puts the V3-signed form and headers on the request; returns the signature. The request is the same object on
    /// every attempt, so the previous attempt's headers are removed first.
    /// </summary>
    private static string SignV3(HttpRequestMessage request, UnsignedRpcRequest rpc, SigningKey key, DateTimeOffset timestamp)
    {
        var signed = AcsV3Signer.Sign(rpc, key, AcsV3Signer.HostOf(request.RequestUri!), timestamp, RpcSigner.NewNonce());
        request.Content = new ByteArrayContent(signed.Body);
        foreach (var name in AcsV3Signer.RequestHeaderNames)
        {
            request.Headers.Remove(name);
        }

        foreach (var (name, value) in signed.SignedHeaders)
        {
            // The content type is a content header, set with the body.
            if (name != AcsV3Signer.ContentTypeHeader)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
        return signed.Signature;
    }
}
