using System.Text.Json.Serialization;
using AliEcsSpec.Client.Transport;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// The HTTP client the credential providers use for STS and the ECS metadata service: separate from the ECS
/// client's pipeline (these calls must not recurse into credential lookup), no redirects, no cookies.
/// </summary>
internal static class CredentialsHttp
{
    /// <summary>For STS: through the system's proxy settings, as other HTTPS traffic of the process.</summary>
    public static HttpClient Sts { get; } = Create(useProxy: true);

    /// <summary>For the link-local metadata service, which is never behind a proxy.</summary>
    public static HttpClient Metadata { get; } = Create(useProxy: false);

    /// <summary>The client's own socket settings (no redirects, no cookies, no decompression), with a shorter connect time-out.</summary>
    private static HttpClient Create(bool useProxy)
    {
        var handler = PrimaryHandler.Create();
        handler.UseProxy = useProxy;
        handler.ConnectTimeout = TimeSpan.FromSeconds(5);
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Reads a body with a bound (credential documents are tiny).</summary>
    public static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var answer = await ResponseReader.ReadAsync(response, ResponseReader.DefaultMaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(answer.Body.Span);
    }
}

/// <summary>The STS answer to AssumeRole and AssumeRoleWithOIDC (or its error document).</summary>
internal sealed class StsResponse
{
    public string? RequestId { get; set; }

    public string? Code { get; set; }

    public string? Message { get; set; }

    public StsCredentials? Credentials { get; set; }
}

/// <summary>The temporary credentials in an STS answer, and in the ECS metadata service's answer.</summary>
internal sealed class StsCredentials
{
    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    public string? SecurityToken { get; set; }

    public string? Expiration { get; set; }

    public string? Code { get; set; }
}

/// <summary>The Alibaba Cloud CLI's <c>~/.aliyun/config.json</c>.</summary>
internal sealed class AliyunCliConfig
{
    public string? Current { get; set; }

    public List<AliyunCliProfile>? Profiles { get; set; }
}

/// <summary>One profile of the CLI configuration.</summary>
internal sealed class AliyunCliProfile
{
    public string? Name { get; set; }

    public string? Mode { get; set; }

    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    public string? StsToken { get; set; }

    public string? RamRoleArn { get; set; }

    public string? RamSessionName { get; set; }

    public string? RamRoleName { get; set; }

    public int? ExpiredSeconds { get; set; }

    public string? OidcProviderArn { get; set; }

    public string? OidcTokenFile { get; set; }

    public string? ExternalId { get; set; }

    public string? StsRegion { get; set; }

    public bool? EnableVpc { get; set; }

    public string? Policy { get; set; }
}

/// <summary>Source-generated JSON metadata of STS, metadata-service and CLI documents.</summary>
[JsonSourceGenerationOptions(AllowTrailingCommas = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(StsResponse))]
[JsonSerializable(typeof(StsCredentials))]
internal sealed partial class CredentialsJsonContext : JsonSerializerContext;

/// <summary>The CLI writes snake_case keys.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AliyunCliConfig))]
internal sealed partial class AliyunCliJsonContext : JsonSerializerContext;
