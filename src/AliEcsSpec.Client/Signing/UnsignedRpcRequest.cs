namespace AliEcsSpec.Client.Signing;

/// <summary>
/// The operation-specific part of an RPC call, attached to the <see cref="HttpRequestMessage"/> and signed afresh by
/// <see cref="RpcSignatureHandler"/> on every attempt.
/// </summary>
/// <param name="Action">The API action, for example <c>ModifyInstanceSpec</c>.</param>
/// <param name="Version">The API version, <c>2014-05-26</c>.</param>
/// <param name="Parameters">The operation's wire parameters (documented names, encoded values not yet percent-encoded).</param>
internal sealed record UnsignedRpcRequest(string Action, string Version, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>The key under which the request travels in <see cref="HttpRequestMessage.Options"/>.</summary>
    public static readonly HttpRequestOptionsKey<UnsignedRpcRequest> OptionKey = new("AliEcsSpec.Client.UnsignedRpcRequest");
}
