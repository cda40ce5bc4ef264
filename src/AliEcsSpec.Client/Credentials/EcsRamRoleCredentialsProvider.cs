using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Credentials;

/// <summary>How <see cref="EcsRamRoleCredentialsProvider"/> reads the instance's RAM role.</summary>
public sealed record EcsRamRoleOptions
{
    /// <summary>The role name; <c>ALIBABA_CLOUD_ECS_METADATA</c>, else discovered from the metadata service.</summary>
    public string? RoleName { get; init; }

    /// <summary>Refuse the IMDSv1 fallback (no session token); <c>ALIBABA_CLOUD_IMDSV1_DISABLED</c> by default.</summary>
    public bool? DisableImdsV1 { get; init; }
}

/// <summary>
/// The temporary credentials of the RAM role attached to the ECS instance this code runs on, from the instance
/// metadata service (IMDSv2 session token first, IMDSv1 fallback unless disabled), refreshed before they expire.
/// </summary>
public sealed class EcsRamRoleCredentialsProvider : ICredentialsProvider
{
    private readonly CredentialsCache _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">The role name and IMDS settings; from the environment when null.</param>
    /// <param name="timeProvider">The clock that decides when to refresh.</param>
    /// <param name="logger">Where a failed refresh is reported.</param>
    public EcsRamRoleCredentialsProvider(EcsRamRoleOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(options ?? new EcsRamRoleOptions(), CredentialsContext.For(timeProvider, logger))
    {
    }

    internal EcsRamRoleCredentialsProvider(EcsRamRoleOptions options, CredentialsContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        var roleName = options.RoleName ?? context.Environment.NonBlank(EnvironmentNames.EcsMetadata);
        var metadata = new EcsMetadataClient(
            context.MetadataEndpointOverride ?? EcsMetadataClient.DefaultEndpoint,
            options.DisableImdsV1 ?? context.Environment.IsTrue(EnvironmentNames.ImdsV1Disabled),
            context.Time);
        _cache = new CredentialsCache(
            cancellationToken => metadata.GetCredentialsAsync(roleName, cancellationToken),
            context.Time,
            context.Logger,
            "ECS RAM role");
    }

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "EcsRamRoleCredentialsProvider";
}
