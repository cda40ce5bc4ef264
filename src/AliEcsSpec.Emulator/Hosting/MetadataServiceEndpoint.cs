using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AliEcsSpec.Emulator.Hosting;

/// <summary>
/// A stand-in for the ECS instance metadata service (<c>100.100.100.200</c>) as the RAM-role credential provider
/// uses it: <c>PUT /latest/api/token</c> for an IMDSv2 session token, then
/// <c>GET /latest/meta-data/ram/security-credentials/</c> (the role name) and <c>…/{role}</c> (its credentials).
/// </summary>
internal sealed class MetadataServiceEndpoint(EmulatorState state, EcsEmulatorOptions options)
{
    public const string TokenPath = "/latest/api/token";

    public const string CredentialsPath = "/latest/meta-data/ram/security-credentials/";

    private const string TtlHeader = "X-aliyun-ecs-metadata-token-ttl-seconds";
    private const string TokenHeader = "X-aliyun-ecs-metadata-token";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);

    /// <summary>Every request the metadata stand-in answered, as "METHOD path (token|no token)".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static bool Handles(PathString path) =>
        path == TokenPath || path.StartsWithSegments("/latest/meta-data/ram/security-credentials", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var now = options.TimeProvider.GetUtcNow();
        var token = request.Headers[TokenHeader].ToString();
        Requests.Enqueue($"{request.Method} {request.Path} ({(token.Length > 0 ? "token" : "no token")})");

        if (request.Path == TokenPath)
        {
            if (!options.SupportImdsV2)
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (!HttpMethods.IsPut(request.Method)
                || !int.TryParse(request.Headers[TtlHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ttl)
                || ttl is < 1 or > 21600)
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var issued = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _tokens[issued] = now.AddSeconds(ttl);
            await response.WriteAsync(issued).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (token.Length > 0 ? !(_tokens.TryGetValue(token, out var expiry) && now < expiry) : options.RequireImdsV2)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var role = request.Path.Value!["/latest/meta-data/ram/security-credentials".Length..].Trim('/');
        if (state.EcsMetadataRoleName is not { } attached || (role.Length > 0 && role != attached))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (role.Length == 0)
        {
            await response.WriteAsync(attached).ConfigureAwait(false);
            return;
        }

        var roleArn = state.RoleArnNamed(attached);
        var session = state.IssueSession(
            (roleArn is null ? null : state.Role(roleArn)?.AccessKeyId) ?? state.FirstAccount.AccessKeyId,
            roleArn ?? attached,
            options.MetadataCredentialLifetime);
        response.ContentType = "text/plain";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("AccessKeyId", session.AccessKeyId);
            json.WriteString("AccessKeySecret", session.AccessKeySecret);
            json.WriteString("Expiration", session.Expiration.UtcDateTime.ToString(EmulatorTime.Format, CultureInfo.InvariantCulture));
            json.WriteString("SecurityToken", session.SecurityToken);
            json.WriteString("LastUpdated", now.UtcDateTime.ToString(EmulatorTime.Format, CultureInfo.InvariantCulture));
            json.WriteString("Code", "Success");
            json.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
    }
}
