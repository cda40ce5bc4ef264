using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AliEcsSpec.Client.Benchmarks.Baselines;

/// <summary>
/// The simplest correct way to call the RPC API by hand: a sorted dictionary, <see cref="Uri.EscapeDataString"/>,
/// string concatenation, a new <see cref="HMACSHA1"/> per call and a <see cref="JsonDocument"/>. What most
/// hand-rolled integrations look like; the client must cost less than this.
/// </summary>
internal static class MinimalSigner
{
    public static string SignedBody(IEnumerable<KeyValuePair<string, string>> operationParameters, string action)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = action,
            ["Version"] = "2014-05-26",
            ["Format"] = "JSON",
            ["AccessKeyId"] = Workload.AccessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = Guid.NewGuid().ToString(),
            ["Timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in operationParameters)
        {
            parameters[name] = value;
        }

        var canonical = string.Join("&", parameters.Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        var stringToSign = "POST&%2F&" + Encode(canonical);
#pragma warning disable CA5350 // HMAC-SHA1 is what SignatureVersion 1.0 specifies.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(Workload.AccessKeySecret + "&"));
#pragma warning restore CA5350
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return canonical + "&Signature=" + Encode(signature);
    }

    public static async Task<string?> CallAsync(HttpClient http, Uri endpoint, string action)
    {
        var body = SignedBody(Workload.SpecParameters(Guid.NewGuid().ToString()), action);
        using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await http.PostAsync(endpoint, content).ConfigureAwait(false);
        var json = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("RequestId").GetString();
    }

    // RFC 3986 unreserved characters are kept and everything else is %XX, which is Alibaba's encoding.
    private static string Encode(string value) => Uri.EscapeDataString(value);
}
