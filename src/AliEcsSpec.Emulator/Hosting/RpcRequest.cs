using System.Text;
using AliEcsSpec.Emulator.Authentication;
using Microsoft.AspNetCore.Http;

namespace AliEcsSpec.Emulator.Hosting;

/// <summary>How a request says who signed it.</summary>
internal enum RpcSignatureKind
{
    /// <summary>Neither V2 parameters nor a V3 Authorization header.</summary>
    None,

    /// <summary>V2: <c>Signature</c>, <c>SignatureMethod</c> or <c>AccessKeyId</c> among the parameters.</summary>
    V2,

    /// <summary>V3: an <c>Authorization</c> header whose scheme starts with <c>ACS3-</c>.</summary>
    V3,
}

/// <summary>
/// One RPC request read once: its parameters (query, then a form body), and where its action, version, AccessKey
/// and nonce are, which depends on the signature version (parameters for V2, <c>x-acs-*</c> headers for V3).
/// </summary>
internal sealed class RpcRequest
{
    private RpcRequest(string method, Dictionary<string, string> parameters, RpcSignatureKind kind, AcsV3Request v3)
    {
        Method = method;
        Parameters = parameters;
        Kind = kind;
        V3 = v3;
        // An unsigned request may be an anonymous call of either style, so it is read both ways.
        var fromHeaders = kind != RpcSignatureKind.V2;
        Action = (fromHeaders ? v3.Header("x-acs-action") : null) ?? parameters.GetValueOrDefault("Action");
        Version = (fromHeaders ? v3.Header("x-acs-version") : null) ?? parameters.GetValueOrDefault("Version");
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The operation's parameters (and, for V2, the common ones).</summary>
    public Dictionary<string, string> Parameters { get; }

    /// <summary>Which signature the request carries.</summary>
    public RpcSignatureKind Kind { get; }

    /// <summary>The request as a V3 signature covers it.</summary>
    public AcsV3Request V3 { get; }

    /// <summary>The action: the <c>x-acs-action</c> header for V3, the <c>Action</c> parameter for V2.</summary>
    public string? Action { get; }

    /// <summary>The API version: the <c>x-acs-version</c> header for V3, the <c>Version</c> parameter for V2.</summary>
    public string? Version { get; }

    /// <summary>The AccessKey ID the request names, for the log.</summary>
    public string? AccessKeyId => Kind == RpcSignatureKind.V3 && V3.Header("Authorization") is { } header
        && AcsV3Authorization.TryParse(header, out var authorization, out _)
            ? authorization.Credential
            : Parameters.GetValueOrDefault("AccessKeyId");

    /// <summary>The nonce the request carries, for the log.</summary>
    public string? Nonce => Kind == RpcSignatureKind.V3 ? V3.Header("x-acs-signature-nonce") : Parameters.GetValueOrDefault("SignatureNonce");

    /// <summary>
    /// What the log keeps: the parameters but <c>Signature</c>, and a V3 request's <c>x-acs-*</c> headers (the log masks
    /// the security token; the Authorization header, which holds the signature, is left out like V2's Signature).
    /// </summary>
    public Dictionary<string, string> Logged()
    {
        var logged = Parameters.Where(p => p.Key != "Signature").ToDictionary(StringComparer.Ordinal);
        foreach (var (name, values) in V3.Headers)
        {
            if (Kind == RpcSignatureKind.V3 && name.StartsWith("x-acs-", StringComparison.OrdinalIgnoreCase))
            {
                logged[name] = string.Join(',', values);
            }
        }

        return logged;
    }

    /// <summary>Reads the query, the body and the headers of <paramref name="request"/>.</summary>
    public static async Task<RpcRequest> ReadAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in request.Query)
        {
            parameters[key] = values.ToString();
            query.AddRange(values.Select(v => new KeyValuePair<string, string>(key, v ?? string.Empty)));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        if (request.Method == "POST" && request.HasFormContentType)
        {
            // Decoded here rather than by ReadFormAsync, which refuses a percent-encoded NUL (%00) as if the form were a
            // URL path: in a form body it is a legal character, and the service answers such a value by its rules.
            // As a UTF-8 reader would, a leading byte order mark is not part of the first name.
            ReadOnlySpan<byte> text = body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? body.AsSpan(Encoding.UTF8.Preamble.Length) : body;
            foreach (var (key, value) in DecodeForm(Encoding.UTF8.GetString(text)))
            {
                parameters[key] = value;
            }
        }

        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.Select(v => v ?? string.Empty).ToArray();
        }

        var v3 = new AcsV3Request(request.Method, request.PathBase.Add(request.Path).Value ?? "/", query, headers, body);
        return new RpcRequest(request.Method, parameters, KindOf(v3, parameters), v3);
    }

    private static RpcSignatureKind KindOf(AcsV3Request v3, Dictionary<string, string> parameters)
    {
        if (v3.Header("Authorization")?.StartsWith(AcsV3Authorization.SchemePrefix, StringComparison.Ordinal) == true)
        {
            return RpcSignatureKind.V3;
        }

        return parameters.ContainsKey("Signature") || parameters.ContainsKey("SignatureMethod") || parameters.ContainsKey("AccessKeyId")
            ? RpcSignatureKind.V2
            : RpcSignatureKind.None;
    }

    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> body: pairs separated by <c>&amp;</c>, <c>+</c> for a space, UTF-8
    /// percent-encoding; a name given more than once keeps its values joined by commas.
    /// </summary>
    private static Dictionary<string, string> DecodeForm(string body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            form[name] = form.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        }

        return form;

        static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
