namespace AliEcsSpec.Emulator.Authentication;

/// <summary>
/// What a V3 signature covers of one HTTP request, as received: kept apart from ASP.NET's types so that the
/// documented examples can be checked without a server.
/// </summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The decoded resource path (<c>/</c> for RPC-style APIs).</param>
/// <param name="Query">The decoded query parameters, a name given more than once appearing once per value.</param>
/// <param name="Headers">The request headers by name (compared case-insensitively), each with every value received.</param>
/// <param name="Body">The body bytes, as sent.</param>
internal sealed record AcsV3Request(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>The first value of header <paramref name="name"/>, or null when the request does not carry it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
