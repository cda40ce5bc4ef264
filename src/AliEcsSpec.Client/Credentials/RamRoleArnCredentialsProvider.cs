using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Credentials;

/// <summary>How <see cref="RamRoleArnCredentialsProvider"/> assumes a RAM role.</summary>
public sealed record RamRoleArnOptions
{
    /// <summary>The minimum session length STS accepts, in seconds.</summary>
    public const int MinDurationSeconds = 900;

    /// <summary>The role, for example <c>acs:ram::123456789012****:role/ecs-resizer</c>.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The session name shown in audit logs; <c>aliecsspec-client-{time}</c> by default.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>How long the credentials last, in seconds: 3600 by default, at least 900.</summary>
    public int DurationSeconds { get; init; } = 3600;

    /// <summary>A policy that further restricts the session, as JSON.</summary>
    public string? Policy { get; init; }

    /// <summary>The external ID the role's trust policy requires, if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The STS region (<c>sts.{region}.aliyuncs.com</c>); <c>ALIBABA_CLOUD_STS_REGION</c>, else <c>sts.aliyuncs.com</c>.</summary>
    public string? StsRegionId { get; init; }

    /// <summary>Use the VPC STS endpoint <c>sts-vpc.{region}.aliyuncs.com</c>; <c>ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED</c> by default.</summary>
    public bool? UseVpcEndpoint { get; init; }

    internal void Validate() => ValidateRole(RoleArn, DurationSeconds);

    /// <summary>The rules every assumed role shares: a role ARN, and a session of at least 900 seconds.</summary>
    internal static void ValidateRole(string roleArn, int durationSeconds)
    {
        if (string.IsNullOrWhiteSpace(roleArn))
        {
#pragma warning disable CA2208 // The value at fault is the options' RoleArn property.
            throw new ArgumentException("RoleArn is required.", "RoleArn");
#pragma warning restore CA2208
        }

        if (durationSeconds < MinDurationSeconds)
        {
#pragma warning disable CA2208 // The value at fault is the options' DurationSeconds property.
            throw new ArgumentOutOfRangeException("DurationSeconds", durationSeconds, $"DurationSeconds must be at least {MinDurationSeconds}.");
#pragma warning restore CA2208
        }
    }

    internal static string DefaultSessionName(TimeProvider time) =>
        "aliecsspec-client-" + time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Assumes a RAM role with STS <c>AssumeRole</c> (API 2015-04-01), signed with the credentials of a source provider,
/// and keeps the temporary credentials fresh.
/// </summary>
public sealed class RamRoleArnCredentialsProvider : ICredentialsProvider
{
    private readonly CredentialsCache _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="source">The credentials allowed to assume the role (an AccessKey, or another provider).</param>
    /// <param name="options">The role and session.</param>
    /// <param name="timeProvider">The clock that decides when to refresh.</param>
    /// <param name="logger">Where a failed refresh is reported.</param>
    public RamRoleArnCredentialsProvider(ICredentialsProvider source, RamRoleArnOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(source, options, CredentialsContext.For(timeProvider, logger))
    {
    }

    internal RamRoleArnCredentialsProvider(ICredentialsProvider source, RamRoleArnOptions options, CredentialsContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var endpoint = context.StsEndpoint(options.StsRegionId, options.UseVpcEndpoint);
        _cache = new CredentialsCache(
            async cancellationToken =>
            {
                var sourceCredentials = await source.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                var parameters = StsClient.Parameters(
                    ("RoleArn", options.RoleArn),
                    ("RoleSessionName", options.RoleSessionName ?? RamRoleArnOptions.DefaultSessionName(context.Time)),
                    ("DurationSeconds", options.DurationSeconds.ToString(CultureInfo.InvariantCulture)),
                    ("Policy", options.Policy),
                    ("ExternalId", options.ExternalId));
                return await StsClient.AssumeRoleAsync(endpoint, sourceCredentials, parameters, context.Time, cancellationToken).ConfigureAwait(false);
            },
            context.Time,
            context.Logger,
            $"RAM role {options.RoleArn}");
    }

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "RamRoleArnCredentialsProvider";
}
