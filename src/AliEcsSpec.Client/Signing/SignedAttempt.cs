using AliEcsSpec.Client.Diagnostics;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// The secret values the last attempt of a request was signed with, left on the <see cref="RpcRequestMessage"/> so that the caller can
/// scrub them from anything the service echoes back. Never logged or shown.
/// </summary>
/// <param name="AccessKeySecret">The AccessKey secret.</param>
/// <param name="SecurityToken">The STS token, if any.</param>
/// <param name="Signature">The signature sent.</param>
internal sealed record SignedAttempt(string AccessKeySecret, string? SecurityToken, string Signature)
{
    /// <summary>The secrets the request's last attempt was signed with, to scrub from anything the service echoed.</summary>
    public static SensitiveValues SecretsOf(RpcRequestMessage request) =>
        request.Signed is { } used
            ? new SensitiveValues(used.AccessKeySecret, used.SecurityToken, used.Signature)
            : SensitiveValues.None;

    /// <summary>
    /// Scrubs <paramref name="text"/> of the secrets the request's last attempt was signed with; allocates nothing when
    /// none of them can be in it (every successful answer).
    /// </summary>
    public static string Redact(RpcRequestMessage request, string text) =>
        request.Signed is { } used
        && SensitiveValues.MayContainAny(text, used.AccessKeySecret, used.SecurityToken, used.Signature)
            ? new SensitiveValues(used.AccessKeySecret, used.SecurityToken, used.Signature).Redact(text)
            : text;

    /// <inheritdoc />
    public override string ToString() => "SignedAttempt { *** }";
}
