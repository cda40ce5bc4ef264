using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Signing;
using AliEcsSpec.Client.Errors;
using AliEcsSpec.Client.Transport;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// The two STS actions the providers need (API 2015-04-01): <c>AssumeRole</c>, signed with the same RPC signer as
/// ECS calls, and <c>AssumeRoleWithOIDC</c>, which is anonymous (the OIDC token is the proof).
/// </summary>
internal static class StsClient
{
    public const string Version = "2015-04-01";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>https://sts.aliyuncs.com</c>, or the regional (<c>sts.{region}.aliyuncs.com</c>) or VPC
    /// (<c>sts-vpc.{region}.aliyuncs.com</c>) endpoint.
    /// </summary>
    /// <exception cref="ArgumentException">The region ID is not one (it would become part of a host name).</exception>
    public static Uri Endpoint(string? regionId, bool useVpcEndpoint) => regionId switch
    {
        null => new Uri("https://sts.aliyuncs.com/"),
        _ when RegionIds.IsValid(regionId) => new Uri($"https://{(useVpcEndpoint ? "sts-vpc" : "sts")}.{regionId}.aliyuncs.com/"),
        _ => throw new ArgumentException($"The STS region '{regionId}' is not a region ID.", nameof(regionId)),
    };

    public static Task<AlibabaCloudCredentials> AssumeRoleAsync(
        Uri endpoint, AlibabaCloudCredentials source, IReadOnlyList<KeyValuePair<string, string>> parameters, TimeProvider time, CancellationToken cancellationToken)
    {
        var signed = RpcSigner.SignForm(
            new UnsignedRpcRequest("AssumeRole", Version, parameters), source.ToSigningKey(), time.GetUtcNow(), RpcSigner.NewNonce());
        return SendAsync(endpoint, signed.Body, "AssumeRole", new SensitiveValues(source.AccessKeySecret, source.SecurityToken, signed.Signature), time, cancellationToken);
    }

    public static Task<AlibabaCloudCredentials> AssumeRoleWithOidcAsync(
        Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> parameters, string oidcToken, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = RpcSigner.UnsignedForm(
            new UnsignedRpcRequest("AssumeRoleWithOIDC", Version, [.. parameters, new("OIDCToken", oidcToken)]), time.GetUtcNow(), RpcSigner.NewNonce());
        return SendAsync(endpoint, form, "AssumeRoleWithOIDC", new SensitiveValues(oidcToken), time, cancellationToken);
    }

    /// <summary>The parameters that are set, in their documented names.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parameters(params (string Name, string? Value)[] parameters) =>
        [.. parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Name, p.Value!))];

    /// <summary>Parses an ISO 8601 UTC expiry such as <c>2021-10-20T04:27:09Z</c>.</summary>
    public static DateTimeOffset? ParseExpiration(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiration)
            ? expiration
            : null;

    private static async Task<AlibabaCloudCredentials> SendAsync(
        Uri endpoint, byte[] form, string action, SensitiveValues sensitive, TimeProvider time, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(CallTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(form) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } },
        };
        string body;
        int status;
        try
        {
            using var response = await CredentialsHttp.Sts.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await CredentialsHttp.ReadBoundedAsync(response, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or IOException or OperationCanceledException)
        {
            throw new EcsCredentialsException($"STS {action} at {endpoint.Host} got no answer ({exception.GetType().Name}).", exception);
        }

        StsResponse? parsed = null;
        try
        {
            parsed = JsonSerializer.Deserialize(body, CredentialsJsonContext.Default.StsResponse);
        }
        catch (JsonException)
        {
            // Reported below as an unusable answer.
        }

        if (status is >= 200 and <= 299 && parsed?.Credentials is { AccessKeyId: { Length: > 0 } id, AccessKeySecret: { Length: > 0 } secret, SecurityToken: { Length: > 0 } token } credentials
            && ParseExpiration(credentials.Expiration) is { } expiration)
        {
            return new AlibabaCloudCredentials(id, secret, token, expiration);
        }

        var detail = parsed?.Code is { } code
            ? $"{code}: {sensitive.Redact(parsed.Message ?? string.Empty)} (RequestId: {parsed.RequestId})"
            : "the answer is not an STS credentials document";
        throw new EcsCredentialsException($"STS {action} at {endpoint.Host} failed with HTTP {status}: {detail}");
    }
}
