using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>Hand-built RPC requests, for what the client never sends (GET, a reused nonce, a missing parameter).</summary>
internal static class RawRpc
{
    public static Dictionary<string, string> Common(string action, DateTimeOffset timestamp, string nonce) => new(StringComparer.Ordinal)
    {
        ["Action"] = action,
        ["Version"] = "2014-05-26",
        ["Format"] = "JSON",
        ["AccessKeyId"] = EmulatorSeed.DemoAccessKeyId,
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureVersion"] = "1.0",
        ["SignatureNonce"] = nonce,
        ["Timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>An unsigned call of <paramref name="action"/> at the harness's start time with a fresh nonce.</summary>
    public static Dictionary<string, string> Call(string action, params (string Name, string Value)[] parameters)
    {
        var all = Common(action, Harness.Start, Guid.NewGuid().ToString());
        foreach (var (name, value) in parameters)
        {
            all[name] = value;
        }

        return all;
    }

    public static Dictionary<string, string> Signed(string method, Dictionary<string, string> parameters, string secret = EmulatorSeed.DemoAccessKeySecret)
    {
        static string E(string s) => Uri.EscapeDataString(s);
        var canonical = string.Join("&", parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => E(p.Key) + "=" + E(p.Value)));
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secret + "&"));
        parameters["Signature"] = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(method + "&%2F&" + E(canonical))));
        return parameters;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(Uri endpoint, string method, Dictionary<string, string> parameters)
    {
        using var response = await SendForResponseAsync(endpoint, method, parameters);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The whole response (headers too), its body read into memory.</summary>
    public static async Task<HttpResponseMessage> SendForResponseAsync(Uri endpoint, string method, Dictionary<string, string> parameters)
    {
        var encoded = string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        using var request = method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, "/?" + encoded))
            : new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded") };
        using var http = new HttpClient();
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Sends <paramref name="request"/> and reads the JSON document answered.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
