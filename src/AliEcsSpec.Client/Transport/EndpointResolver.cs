using System.Collections.Concurrent;
using System.Net;

namespace AliEcsSpec.Client.Transport;

/// <summary>
/// Chooses the URL of a call: the configured endpoint when set, otherwise <c>https://ecs.{RegionId}.aliyuncs.com/</c>
/// (or <c>https://ecs-vpc.{RegionId}.aliyuncs.com/</c>) for the request's region, falling back to the default region.
/// </summary>
internal sealed class EndpointResolver
{
    private readonly Uri? _override;
    private readonly string? _defaultRegion;
    private readonly string _hostPrefix;
    private readonly ConcurrentDictionary<string, Uri> _byRegion = new(StringComparer.Ordinal);

    /// <param name="endpoint">The endpoint every call goes to, when set.</param>
    /// <param name="defaultRegionId">The region of requests that name none.</param>
    /// <param name="useVpcEndpoint">Whether regional endpoints are the VPC ones.</param>
    public EndpointResolver(Uri? endpoint, string? defaultRegionId, bool useVpcEndpoint)
    {
        _override = endpoint is null ? null : new Uri(endpoint, "/");
        _defaultRegion = defaultRegionId;
        _hostPrefix = useVpcEndpoint ? "ecs-vpc." : "ecs.";
    }

    /// <summary>The URL for a request naming <paramref name="requestRegionId"/> (or none).</summary>
    /// <exception cref="ArgumentException">Neither the request nor the options name a region, and no endpoint is set.</exception>
    public Uri Resolve(string? requestRegionId)
    {
        if (_override is not null)
        {
            return _override;
        }

#pragma warning disable CA2208 // The parameter at fault is the request's RegionId property, not this method's.
        var region = requestRegionId ?? _defaultRegion
            ?? throw new ArgumentException(
                "RegionId is required: set it on the request or in EcsSpecClientOptions.RegionId, or set EcsSpecClientOptions.Endpoint.",
                "RegionId");
#pragma warning restore CA2208
        return _byRegion.GetOrAdd(region, static (r, prefix) => new Uri($"https://{prefix}{r}.aliyuncs.com/"), _hostPrefix);
    }

    /// <summary>Says what is wrong with an endpoint override, or returns null when it is usable.</summary>
    public static string? Check(Uri endpoint)
    {
        if (!endpoint.IsAbsoluteUri)
        {
            return "must be an absolute URL such as https://ecs.cn-hangzhou.aliyuncs.com.";
        }

        // Checked first, and the URL is quoted without its user information: that part may hold a password.
        if (!string.IsNullOrEmpty(endpoint.UserInfo))
        {
            return "must not contain user information: credentials belong in AccessKeyId and AccessKeySecret.";
        }

        var shown = $"'{endpoint.Scheme}://{endpoint.Authority}'";
        if (endpoint.Scheme == Uri.UriSchemeHttp)
        {
            if (!IsLoopback(endpoint))
            {
                return $"{shown} uses plain http, which is allowed only for a loopback host (a local emulator); use https.";
            }
        }
        else if (endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return $"{shown} must use https (or http on a loopback host).";
        }

        if (endpoint.AbsolutePath != "/" || !string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
        {
            return $"{shown} must have no path, query or fragment: RPC calls are signed for the path '/'.";
        }

        return null;
    }

    private static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
