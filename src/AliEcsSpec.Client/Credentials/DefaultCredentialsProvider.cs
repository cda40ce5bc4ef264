namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// The credentials a client uses when none is registered: the AccessKey in <see cref="EcsSpecClientOptions"/> when
/// it is set, otherwise the <c>ALIBABA_CLOUD_*</c> environment variables.
/// </summary>
internal sealed class DefaultCredentialsProvider : ICredentialsProvider
{
    private readonly Func<EcsSpecClientOptions> _options;
    private readonly EnvironmentVariablesCredentialsProvider _environment;
    private AlibabaCloudCredentials? _resolved;

    /// <param name="options">Read lazily: with DI the options are validated only when first used.</param>
    /// <param name="environment">The environment to fall back to.</param>
    public DefaultCredentialsProvider(Func<EcsSpecClientOptions> options, IEnvironmentVariables environment)
    {
        _options = options;
        _environment = new EnvironmentVariablesCredentialsProvider(environment);
    }

    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        // Both sources are fixed for the life of the process, so the first answer is kept: no per-call lookups.
        if (_resolved is { } resolved)
        {
            return ValueTask.FromResult(resolved);
        }

        if (TryResolve(_options(), out var credentials, out var reason))
        {
            _resolved = credentials;
            return ValueTask.FromResult(credentials);
        }

        return ValueTask.FromException<AlibabaCloudCredentials>(new EcsCredentialsException(reason));
    }

    /// <summary>Resolves credentials from <paramref name="options"/> or the environment, or says why neither has them.</summary>
    public bool TryResolve(EcsSpecClientOptions options, out AlibabaCloudCredentials credentials, out string reason)
    {
        if (!string.IsNullOrWhiteSpace(options.AccessKeyId) && !string.IsNullOrWhiteSpace(options.AccessKeySecret))
        {
            credentials = new AlibabaCloudCredentials(options.AccessKeyId, options.AccessKeySecret, options.SecurityToken);
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
