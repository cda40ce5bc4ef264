namespace AliEcsSpec.Client.Signing;

/// <summary>How the client signs every attempt (<see cref="EcsSpecClientOptions.SignatureVersion"/>).</summary>
public enum SignatureVersion
{
    /// <summary>
    /// The RPC signature: HMAC-SHA1, <c>SignatureVersion=1.0</c>, every parameter (the signature's own included) in the
    /// form body. The default.
    /// </summary>
    V2,

    /// <summary>
    /// The signature V3, <c>ACS3-HMAC-SHA256</c>: the action, version, date, nonce and signature travel as
    /// <c>x-acs-*</c> and <c>Authorization</c> headers, the operation's parameters in the form body, whose SHA-256
    /// the signature covers. Alibaba Cloud recommends it over V2.
    /// </summary>
    V3,
}
