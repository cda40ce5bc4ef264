using System.Globalization;
using Microsoft.Extensions.Logging;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Credentials;

/// <summary>How <see cref="OidcRoleArnCredentialsProvider"/> assumes a role with an OIDC token (ACK RRSA).</summary>
public sealed record OidcRoleArnOptions
{
    /// <summary>The role to assume.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The OIDC identity provider, for example <c>acs:ram::123456789012****:oidc-provider/ack-rrsa-c123</c>.</summary>
    public required string OidcProviderArn { get; init; }

    /// <summary>The file holding the OIDC token (re-read at every refresh: the token rotates).</summary>
    public required string OidcTokenFilePath { get; init; }

    /// <summary>The session name; <c>aliecsspec-client-{time}</c> by default.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>How long the credentials last, in seconds: 3600 by default, at least 900.</summary>
    public int DurationSeconds { get; init; } = 3600;

    /// <summary>A policy that further restricts the session, as JSON.</summary>
    public string? Policy { get; init; }

    /// <summary>The STS region; <c>ALIBABA_CLOUD_STS_REGION</c>, else <c>sts.aliyuncs.com</c>.</summary>
    public string? StsRegionId { get; init; }

    /// <summary>Use the VPC STS endpoint; <c>ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED</c> by default.</summary>
    public bool? UseVpcEndpoint { get; init; }
}

/// <summary>
/// Assumes a RAM role with STS <c>AssumeRoleWithOIDC</c>, as pods in ACK do with RRSA: the token file is
/// <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c>, the role <c>ALIBABA_CLOUD_ROLE_ARN</c>, the provider
/// <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c>.
/// </summary>
public sealed class OidcRoleArnCredentialsProvider : ICredentialsProvider
{
    private readonly CredentialsCache _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">The role, the OIDC provider and the token file.</param>
    /// <param name="timeProvider">The clock that decides when to refresh.</param>
    /// <param name="logger">Where a failed refresh is reported.</param>
    public OidcRoleArnCredentialsProvider(OidcRoleArnOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(options, CredentialsContext.For(timeProvider, logger))
    {
    }

    internal OidcRoleArnCredentialsProvider(OidcRoleArnOptions options, CredentialsContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        RamRoleArnOptions.ValidateRole(options.RoleArn, options.DurationSeconds);
        if (string.IsNullOrWhiteSpace(options.OidcProviderArn) || string.IsNullOrWhiteSpace(options.OidcTokenFilePath))
        {
            throw new ArgumentException("OidcProviderArn and OidcTokenFilePath are required.", nameof(options));
        }
        var endpoint = context.StsEndpoint(options.StsRegionId, options.UseVpcEndpoint);
        _cache = new CredentialsCache(
            async cancellationToken =>
            {
                string token;
                try
                {
                    token = (await File.ReadAllTextAsync(options.OidcTokenFilePath, cancellationToken).ConfigureAwait(false)).Trim();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new EcsCredentialsException($"The OIDC token file {options.OidcTokenFilePath} cannot be read ({exception.GetType().Name}).", exception);
                }

                var parameters = StsClient.Parameters(
                    ("RoleArn", options.RoleArn),
                    ("OIDCProviderArn", options.OidcProviderArn),
                    ("RoleSessionName", options.RoleSessionName ?? RamRoleArnOptions.DefaultSessionName(context.Time)),
                    ("DurationSeconds", options.DurationSeconds.ToString(CultureInfo.InvariantCulture)),
                    ("Policy", options.Policy));
                return await StsClient.AssumeRoleWithOidcAsync(endpoint, parameters, token, context.Time, cancellationToken).ConfigureAwait(false);
            },
            context.Time,
            context.Logger,
            $"OIDC role {options.RoleArn}");
    }

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "OidcRoleArnCredentialsProvider";
}
