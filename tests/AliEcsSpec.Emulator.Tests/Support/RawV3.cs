using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>
/// One V3 request as it goes on the wire, signed by <see cref="V3Signer"/>; tests change a part of it after signing
/// to see the emulator refuse it.
/// </summary>
internal sealed class RawV3
{
    public const string FormType = "application/x-www-form-urlencoded";

    public string Method { get; set; } = "POST";

    public List<(string Name, string Value)> Query { get; } = [];

    /// <summary>The form body; null sends no body (and no Content-Type).</summary>
    public byte[]? Body { get; set; }

    /// <summary>Every header sent but Host (which the HTTP stack writes, and which is signed as the endpoint's authority).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A ModifyInstanceSpec bandwidth change of the demo fleet, at the harness's start, not yet signed.</summary>
    public static RawV3 Bandwidth(string nonce, DateTimeOffset? at = null, string action = "ModifyInstanceSpec")
    {
        var call = new RawV3();
        call.Headers["x-acs-action"] = action;
        call.Headers["x-acs-version"] = "2014-05-26";
        call.Headers["x-acs-date"] = (at ?? Harness.Start).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        call.Headers["x-acs-signature-nonce"] = nonce;
        call.Query.Add(("InstanceId", "i-postpaid-running-01"));
        call.Query.Add(("InternetMaxBandwidthOut", "20"));
        return call;
    }

    /// <summary>Moves the query parameters into a form body.</summary>
    public RawV3 InBody()
    {
        Body = Encoding.UTF8.GetBytes(Encoded());
        Query.Clear();
        return this;
    }

    /// <summary>
    /// Sets <c>x-acs-content-sha256</c> (unless <paramref name="claimedHash"/> says otherwise) and the
    /// <c>Authorization</c> header, signing every header sent but those in <paramref name="leaveUnsigned"/>.
    /// </summary>
    public RawV3 Sign(Uri endpoint, string accessKeyId = EmulatorSeed.DemoAccessKeyId, string secret = EmulatorSeed.DemoAccessKeySecret,
        string? claimedHash = null, params string[] leaveUnsigned)
    {
        if (Body is not null)
        {
            Headers["content-type"] = FormType;
        }

        Headers["x-acs-content-sha256"] = claimedHash ?? V3Signer.Sha256Hex(Body ?? []);
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = endpoint.Authority };
        // The names are written lower-case by the tests; Authorization is never signed.
        foreach (var (name, value) in Headers.Where(h => h.Key != "Authorization" && !leaveUnsigned.Contains(h.Key, StringComparer.Ordinal)))
        {
            signed[name] = value;
        }

        var canonical = V3Signer.CanonicalRequest(Method, Query, signed, Headers["x-acs-content-sha256"]);
        Headers["Authorization"] = V3Signer.Authorization(accessKeyId, secret, canonical, signed.Keys);
        return this;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(Uri endpoint)
    {
        var query = Encoded();
        using var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(endpoint, "/" + (query.Length == 0 ? string.Empty : "?" + query)));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Headers.GetValueOrDefault("content-type", FormType));
        }

        foreach (var (name, value) in Headers.Where(h => !h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await RawRpc.SendAsync(request);
    }

    /// <summary>Sends the request and returns the status and the error code answered (null for a success).</summary>
    public async Task<(HttpStatusCode Status, string? Code)> CodeAsync(Uri endpoint)
    {
        var (status, body) = await SendAsync(endpoint);
        return (status, body.TryGetProperty("Code", out var code) ? code.GetString() : null);
    }

    /// <summary>The query parameters as <c>name=value&amp;…</c>, percent-encoded as the page says.</summary>
    private string Encoded() => string.Join("&", Query.Select(p => V3Signer.Percent(p.Name) + "=" + V3Signer.Percent(p.Value)));
}
