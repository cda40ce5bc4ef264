using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// Alibaba Cloud's RPC signature, version 1.0 with HMAC-SHA1:
/// <list type="number">
/// <item>sort every parameter except <c>Signature</c> by name in ordinal order;</item>
/// <item>canonical query: <c>encode(name)=encode(value)</c> joined by <c>&amp;</c>;</item>
/// <item>string to sign: <c>METHOD&amp;%2F&amp;encode(canonical query)</c>;</item>
/// <item>signature: Base64 of HMAC-SHA1 of the UTF-8 string to sign, keyed with <c>AccessKeySecret + "&amp;"</c>.</item>
/// </list>
/// The steps work in one pooled buffer, because they run on every attempt: what an attempt allocates is its body.
/// </summary>
internal static class RpcSigner
{
    /// <summary>The <c>SignatureMethod</c> this signer implements.</summary>
    public const string SignatureMethod = "HMAC-SHA1";

    /// <summary>The <c>SignatureVersion</c> this signer implements.</summary>
    public const string SignatureVersion = "1.0";

    private const int Base64HmacSha1Length = 28;

    /// <summary>Orders parameter names the way the signature requires: by UTF-16 code unit, ordinal.</summary>
    public static readonly Comparison<KeyValuePair<string, string>> ParameterOrder =
        static (a, b) => string.CompareOrdinal(a.Key, b.Key);

    private static ReadOnlySpan<byte> SignatureField => "&Signature="u8;

    /// <summary>
    /// The complete, signed form body of one attempt: the operation's parameters plus the common parameters
    /// (<c>Action</c>, <c>Version</c>, <c>Format</c>, <c>AccessKeyId</c>, <c>SignatureMethod</c>, <c>SignatureVersion</c>,
    /// <c>SignatureNonce</c>, <c>Timestamp</c> and <c>SecurityToken</c> when set) and <c>Signature</c>.
    /// </summary>
    public static SignedRpcForm SignForm(UnsignedRpcRequest request, SigningKey key, DateTimeOffset timestamp, Guid nonce)
    {
        var (buffer, length) = RentCanonicalQuery(request, timestamp, nonce, key);
        try
        {
            var signature = Sign("POST"u8, buffer.AsSpan(0, length), key.AccessKeySecret);
            Span<byte> encodedSignature = stackalloc byte[Base64HmacSha1Length * 3];
            encodedSignature = encodedSignature[..PercentEncoding.Write(signature, encodedSignature)];
            var body = new byte[length + SignatureField.Length + encodedSignature.Length];
            buffer.AsSpan(0, length).CopyTo(body);
            SignatureField.CopyTo(body.AsSpan(length));
            encodedSignature.CopyTo(body.AsSpan(length + SignatureField.Length));
            return new SignedRpcForm(body, signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The form body of an action that is not signed (STS <c>AssumeRoleWithOIDC</c>, which the OIDC token
    /// authenticates): the operation's parameters with <c>Action</c>, <c>Version</c>, <c>Format</c>,
    /// <c>SignatureNonce</c> and <c>Timestamp</c>.
    /// </summary>
    public static byte[] UnsignedForm(UnsignedRpcRequest request, DateTimeOffset timestamp, Guid nonce)
    {
        var (buffer, length) = RentCanonicalQuery(request, timestamp, nonce, key: null);
        try
        {
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A new <c>SignatureNonce</c> for one attempt: 128 random bits. The service asks for a unique random value, not an
    /// unguessable one (the signature protects the request, the nonce only makes a replay detectable), so the
    /// thread's seeded generator serves, without the system call of a cryptographic one on every attempt. If a restored
    /// VM snapshot replays the generator, the service refuses the repeated nonce (<c>SignatureNonceUsed</c>) without
    /// acting on the request; the ClientToken, which must never repeat, stays a <see cref="Guid.NewGuid"/>.
    /// </summary>
    public static Guid NewNonce()
    {
        Span<byte> bits = stackalloc byte[16];
#pragma warning disable CA5394 // Uniqueness, not secrecy: see above.
        Random.Shared.NextBytes(bits);
#pragma warning restore CA5394
        return new Guid(bits);
    }

    /// <summary>
    /// Formats a time the way <c>Timestamp</c> (and V3's <c>x-acs-date</c>) want it: ISO 8601 in UTC, to the second,
    /// <c>yyyy-MM-ddTHH:mm:ssZ</c>. The sortable format <c>s</c> is exactly that without the <c>Z</c>, and is formatted
    /// without parsing a custom pattern on every attempt.
    /// </summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.UtcDateTime:s}Z");

    /// <summary>The canonical query string of parameters already sorted with <see cref="ParameterOrder"/>.</summary>
    public static string Canonicalize(IReadOnlyList<KeyValuePair<string, string>> sortedParameters)
    {
        var parameters = sortedParameters.ToArray();
        var buffer = new byte[MaxCanonicalLength(parameters)];
        return Encoding.ASCII.GetString(buffer, 0, WriteCanonical(parameters, buffer));
    }

    /// <summary>The string to sign: <c>METHOD&amp;%2F&amp;encode(canonical)</c>.</summary>
    public static string ComposeStringToSign(string httpMethod, string canonicalQuery)
    {
        var buffer = new byte[httpMethod.Length + 5 + (canonicalQuery.Length * 3)];
        return Encoding.ASCII.GetString(buffer, 0, WriteStringToSign(Encoding.ASCII.GetBytes(httpMethod), Encoding.ASCII.GetBytes(canonicalQuery), buffer));
    }

    /// <summary>The Base64 HMAC-SHA1 signature of a canonical query string.</summary>
    public static string Sign(string httpMethod, string canonicalQuery, string accessKeySecret) =>
        Sign(Encoding.ASCII.GetBytes(httpMethod), Encoding.ASCII.GetBytes(canonicalQuery), accessKeySecret);

    /// <summary>
    /// Sorts the operation's parameters with the common ones (those of a signature too, when there is a
    /// <paramref name="key"/>) and writes their canonical query into a pooled buffer, which the caller returns.
    /// </summary>
    private static (byte[] Buffer, int Length) RentCanonicalQuery(UnsignedRpcRequest request, DateTimeOffset timestamp, Guid nonce, SigningKey? key)
    {
        var parameters = ArrayPool<KeyValuePair<string, string>>.Shared.Rent(request.Parameters.Count + 9);
        try
        {
            var count = 0;
            for (var i = 0; i < request.Parameters.Count; i++)
            {
                parameters[count++] = request.Parameters[i];
            }

            parameters[count++] = new("Action", request.Action);
            parameters[count++] = new("Version", request.Version);
            parameters[count++] = new("Format", "JSON");
            parameters[count++] = new("SignatureNonce", nonce.ToString("D"));
            parameters[count++] = new("Timestamp", FormatTimestamp(timestamp));
            if (key is { } signing)
            {
                parameters[count++] = new("AccessKeyId", signing.AccessKeyId);
                parameters[count++] = new("SignatureMethod", SignatureMethod);
                parameters[count++] = new("SignatureVersion", SignatureVersion);
                if (signing.SecurityToken is { } token)
                {
                    parameters[count++] = new("SecurityToken", token);
                }
            }

            var sorted = parameters.AsSpan(0, count);
            sorted.Sort(ParameterOrder);
            var buffer = ArrayPool<byte>.Shared.Rent(MaxCanonicalLength(sorted));
            return (buffer, WriteCanonical(sorted, buffer));
        }
        finally
        {
            ArrayPool<KeyValuePair<string, string>>.Shared.Return(parameters, clearArray: true);
        }
    }

    private static int MaxCanonicalLength(ReadOnlySpan<KeyValuePair<string, string>> parameters)
    {
        var length = 2 * parameters.Length;
        foreach (var (name, value) in parameters)
        {
            length += PercentEncoding.MaxEncodedLength(name) + PercentEncoding.MaxEncodedLength(value);
        }

        return length;
    }

    /// <summary>Writes <c>encode(name)=encode(value)</c> pairs joined by <c>&amp;</c>, as ASCII bytes.</summary>
    private static int WriteCanonical(ReadOnlySpan<KeyValuePair<string, string>> sorted, Span<byte> destination)
    {
        var written = 0;
        foreach (var (name, value) in sorted)
        {
            if (written > 0)
            {
                destination[written++] = (byte)'&';
            }

            written += PercentEncoding.Write(name, destination[written..]);
            destination[written++] = (byte)'=';
            written += PercentEncoding.Write(value, destination[written..]);
        }

        return written;
    }

    private static int WriteStringToSign(ReadOnlySpan<byte> httpMethod, ReadOnlySpan<byte> canonical, Span<byte> destination)
    {
        httpMethod.CopyTo(destination);
        "&%2F&"u8.CopyTo(destination[httpMethod.Length..]);
        return httpMethod.Length + 5 + PercentEncoding.Write(canonical, destination[(httpMethod.Length + 5)..]);
    }

    /// <summary>The Base64 HMAC-SHA1 of the string to sign of <paramref name="canonical"/>.</summary>
    private static string Sign(ReadOnlySpan<byte> httpMethod, ReadOnlySpan<byte> canonical, string accessKeySecret)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(httpMethod.Length + 5 + (canonical.Length * 3));
        try
        {
            Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
            PerThreadHmacSha1.Compute(accessKeySecret, buffer.AsSpan(0, WriteStringToSign(httpMethod, canonical, buffer)), hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>A signed form body and the signature it carries (kept so that it can be redacted from any echo).</summary>
/// <param name="Body">The <c>application/x-www-form-urlencoded</c> body, ASCII.</param>
/// <param name="Signature">The Base64 signature.</param>
internal readonly record struct SignedRpcForm(byte[] Body, string Signature);
