namespace AliEcsSpec.Client.Signing;

/// <summary>
/// The operation-specific part of an RPC call, carried on the request (<see cref="RpcRequestMessage.Rpc"/>) and signed afresh by
/// <see cref="RpcSignatureHandler"/> on every attempt.
/// </summary>
/// <param name="Action">The API action, for example <c>ModifyInstanceSpec</c>.</param>
/// <param name="Version">The API version, <c>2014-05-26</c>.</param>
/// <param name="Parameters">The operation's wire parameters (documented names, encoded values not yet percent-encoded).</param>
internal sealed record UnsignedRpcRequest(string Action, string Version, IReadOnlyList<KeyValuePair<string, string>> Parameters);
