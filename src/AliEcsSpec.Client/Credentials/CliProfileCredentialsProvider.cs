using Microsoft.Extensions.Logging;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// The Alibaba Cloud CLI's profile in <c>~/.aliyun/config.json</c>: the profile named by <c>ALIBABA_CLOUD_PROFILE</c>,
/// else the file's <c>current</c> one; modes <c>AK</c>, <c>StsToken</c>, <c>RamRoleArn</c>, <c>EcsRamRole</c> and
/// <c>OIDC</c>. Disabled by <c>ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true</c>.
/// </summary>
public sealed class CliProfileCredentialsProvider : ICredentialsProvider
{
    private readonly Lazy<CredentialsResolution> _resolution;

    /// <summary>Creates the provider.</summary>
    /// <param name="profileName">The profile; <c>ALIBABA_CLOUD_PROFILE</c>, else the file's current profile.</param>
    /// <param name="timeProvider">The clock temporary credentials are refreshed by.</param>
    /// <param name="logger">Where a failed refresh is reported.</param>
    public CliProfileCredentialsProvider(string? profileName = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(profileName, CredentialsContext.For(timeProvider, logger))
    {
    }

    internal CliProfileCredentialsProvider(string? profileName, CredentialsContext context) =>
        _resolution = new(() => CredentialSources.FromCliProfile(context, profileName));

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        _resolution.Value.Provider?.GetCredentialsAsync(cancellationToken)
        ?? ValueTask.FromException<AlibabaCloudCredentials>(new EcsCredentialsException("CLI profile: " + _resolution.Value.Reason + "."));

    /// <inheritdoc />
    public override string ToString() => "CliProfileCredentialsProvider";
}

/// <summary>
/// A section of <c>~/.alibabacloud/credentials.ini</c> (or <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>): <c>[default]</c>
/// or <c>ALIBABA_CLOUD_PROFILE</c>, with <c>type</c> = <c>access_key</c>, <c>ecs_ram_role</c>, <c>ram_role_arn</c> or
/// <c>oidc_role_arn</c> and their keys.
/// </summary>
public sealed class ProfileFileCredentialsProvider : ICredentialsProvider
{
    private readonly Lazy<CredentialsResolution> _resolution;

    /// <summary>Creates the provider.</summary>
    /// <param name="profileName">The section; <c>ALIBABA_CLOUD_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="filePath">The file; <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>, else <c>~/.alibabacloud/credentials.ini</c>.</param>
    /// <param name="timeProvider">The clock temporary credentials are refreshed by.</param>
    /// <param name="logger">Where a failed refresh is reported.</param>
    public ProfileFileCredentialsProvider(string? profileName = null, string? filePath = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(profileName, filePath, CredentialsContext.For(timeProvider, logger))
    {
    }

    internal ProfileFileCredentialsProvider(string? profileName, string? filePath, CredentialsContext context) =>
        _resolution = new(() => CredentialSources.FromProfileFile(context, profileName, filePath));

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        _resolution.Value.Provider?.GetCredentialsAsync(cancellationToken)
        ?? ValueTask.FromException<AlibabaCloudCredentials>(new EcsCredentialsException("credentials file: " + _resolution.Value.Reason + "."));

    /// <inheritdoc />
    public override string ToString() => "ProfileFileCredentialsProvider";
}
