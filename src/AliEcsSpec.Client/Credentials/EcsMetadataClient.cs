using System.Text.Json;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// The ECS instance metadata service at <c>100.100.100.200</c>: IMDSv2 session token first
/// (<c>PUT /latest/api/token</c>), then the RAM role's temporary credentials. Every request has a one-second time
/// limit, so that a machine without the service fails fast.
/// </summary>
internal sealed class EcsMetadataClient(Uri endpoint, bool disableImdsV1, TimeProvider time)
{
    public static readonly Uri DefaultEndpoint = new("http://100.100.100.200/");

    public const string TokenTtlHeader = "X-aliyun-ecs-metadata-token-ttl-seconds";

    public const string TokenHeader = "X-aliyun-ecs-metadata-token";

    private const string CredentialsPath = "latest/meta-data/ram/security-credentials/";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1);

    public async Task<AlibabaCloudCredentials> GetCredentialsAsync(string? roleName, CancellationToken cancellationToken)
    {
        var token = await GetSessionTokenAsync(cancellationToken).ConfigureAwait(false);
        roleName ??= (await GetAsync(CredentialsPath, token, cancellationToken).ConfigureAwait(false)).Trim();
        if (roleName.Length == 0 || roleName.Contains('\n', StringComparison.Ordinal))
        {
            throw new EcsCredentialsException("The ECS metadata service names no single RAM role for this instance; set the role name.");
        }

        var json = await GetAsync(CredentialsPath + Uri.EscapeDataString(roleName), token, cancellationToken).ConfigureAwait(false);
        StsCredentials? document = null;
        try
        {
            document = JsonSerializer.Deserialize(json, CredentialsJsonContext.Default.StsCredentials);
        }
        catch (JsonException)
        {
            // Reported below.
        }

        if (document is { Code: "Success", AccessKeyId: { Length: > 0 } id, AccessKeySecret: { Length: > 0 } secret, SecurityToken: { Length: > 0 } securityToken }
            && StsClient.ParseExpiration(document.Expiration) is { } expiration)
        {
            return new AlibabaCloudCredentials(id, secret, securityToken, expiration);
        }

        throw new EcsCredentialsException($"The ECS metadata service answered for role '{roleName}' without usable credentials (Code: {document?.Code ?? "none"}).");
    }

    private async Task<string?> GetSessionTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(endpoint, "latest/api/token"));
            request.Headers.Add(TokenTtlHeader, "21600");
            return await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EcsCredentialsException exception) when (!disableImdsV1 && exception.InnerException is null)
        {
            // IMDSv1 fallback: an older instance answers the token request with an HTTP error. No answer at all
            // (time-out, refused) means there is no metadata service: fail now instead of waiting again.
            return null;
        }
    }

    private async Task<string> GetAsync(string path, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path));
        if (token is not null)
        {
            request.Headers.Add(TokenHeader, token);
        }

        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(RequestTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            using var response = await CredentialsHttp.Metadata.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = await CredentialsHttp.ReadBoundedAsync(response, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? body
                : throw new EcsCredentialsException($"The ECS metadata service answered {request.Method} {request.RequestUri!.AbsolutePath} with HTTP {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or IOException or OperationCanceledException)
        {
            throw new EcsCredentialsException(
                $"The ECS metadata service at {request.RequestUri!.Host} did not answer within {RequestTimeout.TotalSeconds:0} s ({exception.GetType().Name}): this is not an ECS instance with a RAM role.",
                exception);
        }
    }
}
