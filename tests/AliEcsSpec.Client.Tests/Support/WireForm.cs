using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Client.Tests.Support;

/// <summary>
/// A received form body, decoded, plus an independent reference implementation of the RPC signature (built on
/// <see cref="Uri.EscapeDataString"/>, not on the library's encoder) to check what the client signed.
/// </summary>
internal sealed class WireForm
{
    private WireForm(string raw, Dictionary<string, string> fields)
    {
        Raw = raw;
        Fields = fields;
    }

    public string Raw { get; }

    public Dictionary<string, string> Fields { get; }

    public string this[string name] => Fields[name];

    public static WireForm Parse(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(pair[..at]);
            var value = Uri.UnescapeDataString(pair[(at + 1)..]);
            Assert.True(fields.TryAdd(key, value), $"parameter {key} sent twice");
        }

        return new WireForm(body, fields);
    }

    /// <summary>The fields an operation sent, without the common and signature parameters.</summary>
    public Dictionary<string, string> OperationFields()
    {
        string[] common = ["Action", "Version", "Format", "AccessKeyId", "SignatureMethod", "SignatureVersion",
            "SignatureNonce", "Timestamp", "SecurityToken", "Signature"];
        return Fields.Where(f => !common.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
    }

    /// <summary>Recomputes the signature the way Alibaba's documentation describes it.</summary>
    public static string ReferenceSignature(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        static string Encode(string s) => Uri.EscapeDataString(s);
        var canonical = string.Join("&", parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        var stringToSign = method + "&" + Encode("/") + "&" + Encode(canonical);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
    }

    public string ExpectedSignature(string secret) =>
        ReferenceSignature("POST", Fields.Where(f => f.Key != "Signature"), secret);
}
