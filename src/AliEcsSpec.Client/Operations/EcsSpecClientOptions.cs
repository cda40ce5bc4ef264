using System.Globalization;

namespace AliEcsSpec.Client;

/// <summary>
/// Settings of an <see cref="EcsSpecClient"/>. Bindable from configuration (for example the section
/// <c>AliEcsSpec</c> of <c>appsettings.json</c>); <see cref="ToString"/> never shows the secret or the token.
/// </summary>
public sealed class EcsSpecClientOptions
{
    /// <summary>The default of <see cref="Timeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

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

    /// <summary>How long one HTTP attempt may take, from sending to the end of the body. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>The AccessKey as configured, for the credentials provider.</summary>
    internal Credentials.ConfiguredKeys ConfiguredKeys => new(AccessKeyId, AccessKeySecret, SecurityToken);

    /// <summary>A copy that later changes to this instance do not affect.</summary>
    internal EcsSpecClientOptions Clone() => (EcsSpecClientOptions)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"EcsSpecClientOptions {{ RegionId = {RegionId ?? "(none)"}, Endpoint = {(Endpoint is { IsAbsoluteUri: true } e ? $"{e.Scheme}://{e.Authority}" : Endpoint is null ? "(default)" : "(relative)")}, " +
        $"UseVpcEndpoint = {UseVpcEndpoint}, AccessKeyId = {AccessKeyId ?? "(none)"}, " +
        $"AccessKeySecret = {(AccessKeySecret is null ? "(none)" : "***")}, SecurityToken = {(SecurityToken is null ? "(none)" : "***")}, " +
        $"Timeout = {Timeout} }}");
}
