using System.Text.Json;

namespace AliEcsSpec.Interop.Support;

/// <summary>One line of <c>run-case.js</c>: the answer as the SDK saw it, and every request it sent.</summary>
internal sealed record SdkOutcome(int Status, string? Code, JsonElement Body, IReadOnlyList<SentRequest> Sent, string? Crash)
{
    public string? RequestId => Body.TryGetProperty(nameof(RequestId), out var id) ? id.GetString() : null;

    /// <summary>The names of the answer's top-level members, sorted: the typed SDKs rebuild the body in their model's order.</summary>
    public IEnumerable<string> BodyMembers => Body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    public string BodyString(string name) => Body.GetProperty(name).GetString()!;
}

/// <summary>An HTTP request as it left the Node process (recorded by <c>node/wire.js</c>).</summary>
internal sealed record SentRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The query string's parameters, decoded.</summary>
    public IReadOnlyDictionary<string, string> Query => Path.Split('?', 2) is [_, var query] ? Decode(query) : Decode(string.Empty);

    /// <summary>The form body's parameters, decoded.</summary>
    public IReadOnlyDictionary<string, string> Form => Decode(Body);

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static Dictionary<string, string> Decode(string encoded) =>
        encoded.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')),
                pair => pair.Length < 2 ? string.Empty : Uri.UnescapeDataString(pair[1].Replace('+', ' ')),
                StringComparer.Ordinal);
}
