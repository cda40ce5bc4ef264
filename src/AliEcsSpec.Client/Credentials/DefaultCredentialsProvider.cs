namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// The credentials a client uses when none is registered — the default chain Alibaba Cloud users rely on, in
/// order: the options' AccessKey; <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>/<c>_SECRET</c>/<c>SECURITY_TOKEN</c>; an OIDC role
/// (RRSA); the Alibaba Cloud CLI profile; <c>credentials.ini</c>; the ECS instance's RAM role.
/// </summary>
internal sealed class DefaultCredentialsProvider : ICredentialsProvider
{
    public const string OptionsSource = "options";

    private readonly CredentialsContext _context;
    private readonly CredentialsProviderChain _chain;

    /// <param name="configured">Read lazily: with DI the options are validated only when first used.</param>
    /// <param name="context">The environment, clock and logger.</param>
    public DefaultCredentialsProvider(Func<ConfiguredKeys> configured, CredentialsContext context)
    {
        _context = context;
        _chain = new CredentialsProviderChain([
            (OptionsSource, () => CredentialSources.FromConfiguredKeys(configured())),
            ("environment", () => CredentialSources.FromEnvironment(context.Environment)),
            ("OIDC role", () => CredentialSources.FromOidcEnvironment(context)),
            ("CLI profile", () => CredentialSources.FromCliProfile(context)),
            ("credentials file", () => CredentialSources.FromProfileFile(context)),
            ("ECS RAM role", () => CredentialSources.FromEcsMetadata(context)),
        ]);
    }

    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        _chain.GetCredentialsAsync(cancellationToken);

    /// <summary>
    /// Without any network call, says why no source can supply credentials for <paramref name="configured"/>, or
    /// returns null when one may.
    /// </summary>
    public string? Explain(ConfiguredKeys configured) =>
        new DefaultCredentialsProvider(() => configured, _context)._chain.IsConfigured(out var reason) ? null : reason;

    public override string ToString() => "DefaultCredentialsProvider";
}

/// <summary>An AccessKey as configured (possibly incomplete): what the options hold, without depending on them.</summary>
/// <param name="AccessKeyId">The AccessKey ID, if set.</param>
/// <param name="AccessKeySecret">The AccessKey secret, if set.</param>
/// <param name="SecurityToken">The STS token, if set.</param>
internal sealed record ConfiguredKeys(string? AccessKeyId, string? AccessKeySecret, string? SecurityToken)
{
    /// <inheritdoc />
    public override string ToString() => $"ConfiguredKeys {{ AccessKeyId = {AccessKeyId ?? "(none)"}, AccessKeySecret = ***, SecurityToken = *** }}";
}
