using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// Reads credentials from <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> and the optional
/// <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>, the variables Alibaba Cloud's own SDKs and CLI use.
/// </summary>
public sealed class EnvironmentVariablesCredentialsProvider : ICredentialsProvider
{
    /// <summary>The variable holding the AccessKey ID.</summary>
    public const string AccessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID";

    /// <summary>The variable holding the AccessKey secret.</summary>
    public const string AccessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    /// <summary>The variable holding an STS security token.</summary>
    public const string SecurityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private readonly IEnvironmentVariables _environment;

    /// <summary>Creates a provider over the environment of this process.</summary>
    public EnvironmentVariablesCredentialsProvider()
        : this(ProcessEnvironmentVariables.Instance)
    {
    }

    internal EnvironmentVariablesCredentialsProvider(IEnvironmentVariables environment) => _environment = environment;

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        TryRead(out var credentials, out var reason)
            ? ValueTask.FromResult(credentials)
            : ValueTask.FromException<AlibabaCloudCredentials>(new EcsCredentialsException($"No credentials in the environment: {reason}."));

    /// <summary>Reads the variables now; explains what is missing when they are not usable.</summary>
    internal bool TryRead(out AlibabaCloudCredentials credentials, out string reason)
    {
        credentials = null!;
        var id = _environment.Get(AccessKeyIdVariable);
        var secret = _environment.Get(AccessKeySecretVariable);
        var token = _environment.Get(SecurityTokenVariable);
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret))
        {
            reason = string.IsNullOrWhiteSpace(id)
                ? $"{AccessKeyIdVariable} is not set"
                : $"{AccessKeySecretVariable} is not set";
            return false;
        }

        credentials = new AlibabaCloudCredentials(id.Trim(), secret.Trim(), string.IsNullOrWhiteSpace(token) ? null : token.Trim());
        reason = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => "EnvironmentVariablesCredentialsProvider";
}
