using AliEcsSpec.Client.Diagnostics;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// What the signing handler reads from and leaves on each request, as typed <see cref="HttpRequestOptions"/>: the
/// published contract between it and the handlers around it.
/// </summary>
internal static class RpcSigning
{
    /// <summary>The operation's parameters, set once per call by the client; signed afresh on every attempt.</summary>
    public static readonly HttpRequestOptionsKey<UnsignedRpcRequest> Request = new("AliEcsSpec.Client.UnsignedRpcRequest");

    /// <summary>
    /// The secrets the current attempt was signed with, left by the signing handler; absent until it signs, so a
    /// missing value means the attempt failed before anything was sent.
    /// </summary>
    public static readonly HttpRequestOptionsKey<SensitiveValues> Signed = new("AliEcsSpec.Client.SignedWith");

    /// <summary>Forgets the previous attempt's signature before the next attempt is sent.</summary>
    public static void ClearSigned(HttpRequestMessage request) =>
        ((IDictionary<string, object?>)request.Options).Remove(Signed.Key);

    /// <summary>The secrets the request's latest attempt was signed with, to scrub from anything the service echoed.</summary>
    public static SensitiveValues SecretsOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Signed, out var used) ? used : SensitiveValues.None;
}
