namespace AliEcsSpec.Client.Signing;

/// <summary>
/// The secret values an attempt was signed with, left on the request (<see cref="RpcSigning.Signed"/>) so that the
/// retry handler can scrub them from anything the service echoes back. Never logged or shown.
/// </summary>
/// <param name="AccessKeySecret">The AccessKey secret.</param>
/// <param name="SecurityToken">The STS token, if any.</param>
/// <param name="Signature">The signature sent.</param>
internal sealed record SignedAttempt(string AccessKeySecret, string? SecurityToken, string Signature)
{
    /// <inheritdoc />
    public override string ToString() => "SignedAttempt { *** }";
}
