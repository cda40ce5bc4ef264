using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// What providers share: the environment, the clock, where to log, and the STS and metadata endpoints — the
/// latter overridable only so that tests can point them at the local emulator.
/// </summary>
internal sealed record CredentialsContext(IEnvironmentVariables Environment, TimeProvider Time, ILogger Logger)
{
    public static CredentialsContext Process { get; } = new(ProcessEnvironmentVariables.Instance, TimeProvider.System, NullLogger.Instance);

    /// <summary>The process environment with the clock and logger a public constructor was given.</summary>
    public static CredentialsContext For(TimeProvider? time, ILogger? logger) =>
        Process with { Time = time ?? TimeProvider.System, Logger = logger ?? NullLogger.Instance };

    /// <summary>Replaces every STS endpoint (tests only).</summary>
    public Uri? StsEndpointOverride { get; init; }

    /// <summary>Replaces the metadata service endpoint (tests only).</summary>
    public Uri? MetadataEndpointOverride { get; init; }

    /// <summary>The STS endpoint for a region preference: the override, or from <c>ALIBABA_CLOUD_STS_REGION</c> and <c>ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED</c>.</summary>
    public Uri StsEndpoint(string? regionId = null, bool? useVpcEndpoint = null) =>
        StsEndpointOverride ?? StsClient.Endpoint(
            regionId ?? Environment.NonBlank(EnvironmentNames.StsRegion),
            useVpcEndpoint ?? Environment.IsTrue(EnvironmentNames.VpcEndpointEnabled));
}

/// <summary>The environment variables Alibaba Cloud's SDKs and CLI read.</summary>
internal static class EnvironmentNames
{
    public const string RoleArn = "ALIBABA_CLOUD_ROLE_ARN";
    public const string OidcProviderArn = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
    public const string OidcTokenFile = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
    public const string RoleSessionName = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
    public const string Profile = "ALIBABA_CLOUD_PROFILE";
    public const string CliProfileDisabled = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
    public const string CredentialsFile = "ALIBABA_CLOUD_CREDENTIALS_FILE";
    public const string EcsMetadata = "ALIBABA_CLOUD_ECS_METADATA";
    public const string EcsMetadataDisabled = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
    public const string ImdsV1Disabled = "ALIBABA_CLOUD_IMDSV1_DISABLED";
    public const string StsRegion = "ALIBABA_CLOUD_STS_REGION";
    public const string VpcEndpointEnabled = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";
}

/// <summary>Either a provider a source yielded, or why it yielded none (never a secret).</summary>
internal readonly record struct CredentialsResolution(ICredentialsProvider? Provider, string Reason)
{
    public static CredentialsResolution Found(ICredentialsProvider provider) => new(provider, string.Empty);

    public static CredentialsResolution Skipped(string reason) => new(null, reason);
}
