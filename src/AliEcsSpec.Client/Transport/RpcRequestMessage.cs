using AliEcsSpec.Client.Signing;

namespace AliEcsSpec.Client;

/// <summary>
/// The HTTP request of one logical call, carrying what the client's own handlers need as typed fields: the unsigned
/// parameters, the call's state, and what the current attempt was signed with.
/// </summary>
/// <remarks>
/// Typed fields rather than <see cref="HttpRequestMessage.Options"/>: the options bag is a string-keyed dictionary,
/// allocated on the first key and looked up by string hash on every use, several times per attempt. Handlers an
/// application adds see an ordinary <see cref="HttpRequestMessage"/>; the client's handlers refuse any other request.
/// </remarks>
internal sealed class RpcRequestMessage : HttpRequestMessage
{
    public RpcRequestMessage(Uri endpoint, UnsignedRpcRequest rpc, RpcCall call)
        : base(HttpMethod.Post, endpoint)
    {
        Rpc = rpc;
        Call = call;
    }

    /// <summary>The operation's parameters, signed afresh by <see cref="RpcSignatureHandler"/> on every attempt.</summary>
    public UnsignedRpcRequest Rpc { get; }

    /// <summary>The logical call this request belongs to.</summary>
    public RpcCall Call { get; }

    /// <summary>
    /// What to add to the local clock for this attempt's <c>Timestamp</c>: the offset the retry handler learned from
    /// the server's <c>Date</c> header after an <c>InvalidTimeStamp.Expired</c> answer. Zero until one is learned.
    /// </summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>
    /// The secrets the current attempt was signed with; <see langword="null"/> until the signing handler signs it, so a
    /// missing value means the attempt failed before it could be sent.
    /// </summary>
    public SignedAttempt? Signed { get; set; }

    /// <summary>The request as one of the client's handlers needs it, or a clear error for any other request.</summary>
    public static RpcRequestMessage Of(HttpRequestMessage request) =>
        request as RpcRequestMessage ?? throw new InvalidOperationException(
            "The ECS client's HttpClient only sends requests built by EcsSpecClient: this one carries no RPC call.");
}
