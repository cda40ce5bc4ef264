namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// The credentials a client uses when none is registered: the configured AccessKey when it is set, otherwise the
/// <c>ALIBABA_CLOUD_*</c> environment variables.
/// </summary>
internal sealed class DefaultCredentialsProvider : ICredentialsProvider
{
    private readonly Func<ConfiguredKeys> _configured;
    private readonly EnvironmentVariablesCredentialsProvider _environment;
    private AlibabaCloudCredentials? _resolved;

    /// <param name="configured">Read lazily: with DI the options are validated only when first used.</param>
    /// <param name="environment">The environment to fall back to.</param>
    public DefaultCredentialsProvider(Func<ConfiguredKeys> configured, IEnvironmentVariables environment)
    {
        _configured = configured;
        _environment = new EnvironmentVariablesCredentialsProvider(environment);
    }

    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        // Both sources are fixed for the life of the process, so the first answer is kept: no per-call lookups.
        if (_resolved is { } resolved)
        {
            return ValueTask.FromResult(resolved);
        }

        if (TryResolve(_configured(), out var credentials, out var reason))
        {
            _resolved = credentials;
            return ValueTask.FromResult(credentials);
        }

        return ValueTask.FromException<AlibabaCloudCredentials>(new EcsCredentialsException(reason));
    }

    /// <summary>Resolves credentials from the configured keys or the environment, or says why neither has them.</summary>
    public bool TryResolve(ConfiguredKeys configured, out AlibabaCloudCredentials credentials, out string reason)
    {
        if (!string.IsNullOrWhiteSpace(configured.AccessKeyId) && !string.IsNullOrWhiteSpace(configured.AccessKeySecret))
        {
            credentials = new AlibabaCloudCredentials(
                configured.AccessKeyId,
                configured.AccessKeySecret,
                string.IsNullOrWhiteSpace(configured.SecurityToken) ? null : configured.SecurityToken);
            reason = string.Empty;
            return true;
        }

        if (_environment.TryRead(out credentials, out var environmentReason))
        {
            reason = string.Empty;
            return true;
        }

        reason = "No Alibaba Cloud credentials were found. Tried: " +
                 "options (EcsSpecClientOptions.AccessKeyId and AccessKeySecret are not set); " +
                 $"environment ({environmentReason}). Set one of them, or register an ICredentialsProvider.";
        return false;
    }
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
