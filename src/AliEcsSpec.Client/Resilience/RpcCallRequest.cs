using AliEcsSpec.Client.Signing;

namespace AliEcsSpec.Client.Resilience;

/// <summary>The request of one logical call as the retry handler reads it: the signed request, and the call it belongs to.</summary>
internal sealed class RpcCallRequest : RpcRequestMessage
{
    /// <param name="endpoint">Where the call is sent.</param>
    /// <param name="rpc">The operation's parameters.</param>
    /// <param name="call">The state of the call, created by the client.</param>
    public RpcCallRequest(Uri endpoint, UnsignedRpcRequest rpc, RpcCall call)
        : base(endpoint, rpc) => Call = call;

    /// <summary>The state of the call this request belongs to.</summary>
    public RpcCall Call { get; }

    /// <summary>The request as the client built it, or a clear error for a request it did not build.</summary>
    public static RpcCallRequest Of(HttpRequestMessage request) =>
        request as RpcCallRequest
            ?? throw new InvalidOperationException(
                "The ECS client's HttpClient only sends requests built by EcsSpecClient: this one carries no RPC call.");
}
