using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Client.Errors;
using AliEcsSpec.Client.Signing;

namespace AliEcsSpec.Client;

/// <summary>
/// Settings of an <see cref="EcsSpecClient"/>. Bindable from configuration (for example the section
/// <c>AliEcsSpec</c> of <c>appsettings.json</c>); <see cref="ToString"/> never shows the secret or the token.
/// </summary>
public sealed class EcsSpecClientOptions
{
    // The bounds of MaxResponseBodyBytes: room for any ECS document with its message, and no more than a misbehaving
    // proxy should be able to make the client hold.
    internal const int MinResponseBodyBytes = 1024;
    internal const int MaxResponseBodyBytesLimit = 16 * 1024 * 1024;

    private EcsRetryOptions _retry = new();
    private EcsRateLimitOptions _rateLimit = new();

    /// <summary>
    /// The default region, for example <c>cn-hangzhou</c>. Chooses the endpoint
    /// (<c>https://ecs.{RegionId}.aliyuncs.com</c>) when a request names no region of its own.
    /// </summary>
    public string? RegionId { get; set; }

    /// <summary>
    /// Overrides the endpoint, for example a local emulator at <c>http://127.0.0.1:8085</c>. Must be <c>https</c>,
    /// or <c>http</c> on a loopback host only.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Uses the VPC endpoint <c>https://ecs-vpc.{RegionId}.aliyuncs.com</c> (ignored when <see cref="Endpoint"/> is set).</summary>
    public bool UseVpcEndpoint { get; set; }

    /// <summary>The AccessKey ID. When unset, <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c> is used.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The AccessKey secret. When unset, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> is used. Never logged.</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>The STS security token of temporary credentials, if any. Never logged.</summary>
    public string? SecurityToken { get; set; }

    /// <summary>
    /// Whether a call whose request has no <c>ClientToken</c> gets one (a new GUID), fixed before its first attempt
    /// and sent by every attempt, so that the client may repeat the call after a lost answer without risking a second
    /// order. Default on. When off, a call without a token is never repeated once it may have reached the service.
    /// </summary>
    public bool AutoClientToken { get; set; } = true;

    /// <summary>
    /// The most bytes of an answer's body the client reads, from 1 KiB to 16 MiB; default 64 KiB. ECS answers are well
    /// under 1 KB, so a longer body (a proxy's error page, say) is cut off at this bound, never read into memory whole,
    /// and the call fails with an <see cref="EcsUnexpectedResponseException"/>.
    /// </summary>
    [Range(MinResponseBodyBytes, MaxResponseBodyBytesLimit)]
    public int MaxResponseBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How every attempt is signed: <see cref="SignatureVersion.V2"/> (HMAC-SHA1, the default) or
    /// <see cref="SignatureVersion.V3"/> (ACS3-HMAC-SHA256, which Alibaba Cloud recommends). Either way the operation's
    /// parameters travel in the POST form body and each attempt is signed afresh.
    /// </summary>
    public SignatureVersion SignatureVersion { get; set; } = SignatureVersion.V2;

    /// <summary>Retries, back-offs and timeouts (section <c>Retry</c> in configuration).</summary>
    [ValidateObjectMembers]
    public EcsRetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// How attempts are paced (section <c>RateLimit</c> in configuration): by default an adaptive limiter, shared by
    /// every client in the process with the same AccessKey ID and endpoint, learns the account's rate from throttling
    /// answers, and a throttled attempt waits for its next permit instead of backing off.
    /// </summary>
    [ValidateObjectMembers]
    public EcsRateLimitOptions RateLimit
    {
        get => _rateLimit;
        set => _rateLimit = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The AccessKey as configured, for the credentials provider.</summary>
    internal Credentials.ConfiguredKeys ConfiguredKeys => new(AccessKeyId, AccessKeySecret, SecurityToken);

    /// <summary>A copy that later changes to this instance do not affect.</summary>
    internal EcsSpecClientOptions Clone()
    {
        var copy = (EcsSpecClientOptions)MemberwiseClone();
        copy._retry = _retry.Clone();
        copy._rateLimit = _rateLimit.Clone();
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"EcsSpecClientOptions {{ RegionId = {RegionId ?? "(none)"}, Endpoint = {(Endpoint is { IsAbsoluteUri: true } e ? $"{e.Scheme}://{e.Authority}" : Endpoint is null ? "(default)" : "(relative)")}, " +
        $"UseVpcEndpoint = {UseVpcEndpoint}, AccessKeyId = {AccessKeyId ?? "(none)"}, " +
        $"AccessKeySecret = {(AccessKeySecret is null ? "(none)" : "***")}, SecurityToken = {(SecurityToken is null ? "(none)" : "***")}, " +
        $"AutoClientToken = {AutoClientToken}, MaxResponseBodyBytes = {MaxResponseBodyBytes}, SignatureVersion = {SignatureVersion}, Retry = {Retry}, RateLimit = {RateLimit} }}");
}
