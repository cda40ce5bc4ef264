using AliEcsSpec.Client.Signing;

namespace AliEcsSpec.Client.Credentials;

/// <summary>Connects a credentials provider to the signing handler, which knows signing keys, not providers.</summary>
internal static class SigningKeys
{
    /// <summary>The signing key of the provider's current credentials, asked for on every attempt.</summary>
    public static Func<CancellationToken, ValueTask<SigningKey>> From(ICredentialsProvider provider) =>
        async cancellationToken => (await provider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false)).ToSigningKey();
}
