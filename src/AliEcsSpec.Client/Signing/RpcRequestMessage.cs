using AliEcsSpec.Client.Diagnostics;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// The request of one RPC call, as the signing handler reads it: the operation's parameters, set once by the client
/// and signed afresh on every attempt, and the secrets the current attempt was signed with. Typed properties rather
/// than <see cref="HttpRequestMessage.Options"/>: the contract between the client and its handlers is checked by the
/// compiler, and a call carries no options dictionary.
/// </summary>
internal class RpcRequestMessage : HttpRequestMessage
{
    /// <param name="endpoint">Where the call is sent.</param>
    /// <param name="rpc">The operation's parameters.</param>
    public RpcRequestMessage(Uri endpoint, UnsignedRpcRequest rpc)
        : base(HttpMethod.Post, endpoint) => Rpc = rpc;

    /// <summary>The operation's parameters, signed afresh on every attempt.</summary>
    public UnsignedRpcRequest Rpc { get; }

    /// <summary>
    /// The secrets the current attempt was signed with; <see langword="null"/> until the signing handler signs it, so
    /// that a missing value means the attempt failed before anything was sent.
    /// </summary>
    public SensitiveValues? SignedWith { get; private set; }

    /// <summary>The secrets to scrub from anything the service echoed to the latest attempt.</summary>
    public SensitiveValues Secrets => SignedWith ?? SensitiveValues.None;

    /// <summary>The signing handler signed the current attempt with these secrets.</summary>
    public void Signed(SensitiveValues secrets) => SignedWith = secrets;

    /// <summary>Forgets the previous attempt's signature before the next attempt is sent.</summary>
    public void BeginAttempt() => SignedWith = null;
}
