using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AliEcsSpec.Client.Credentials;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// Alibaba Cloud's RPC signature, version 1.0 with HMAC-SHA1:
/// <list type="number">
/// <item>sort every parameter except <c>Signature</c> by name in ordinal order;</item>
/// <item>canonical query: <c>encode(name)=encode(value)</c> joined by <c>&amp;</c>;</item>
/// <item>string to sign: <c>METHOD&amp;%2F&amp;encode(canonical query)</c>;</item>
/// <item>signature: Base64 of HMAC-SHA1 of the UTF-8 string to sign, keyed with <c>AccessKeySecret + "&amp;"</c>.</item>
/// </list>
/// </summary>
internal static class RpcSigner
{
    /// <summary>The <c>SignatureMethod</c> this signer implements.</summary>
    public const string SignatureMethod = "HMAC-SHA1";

    /// <summary>The <c>SignatureVersion</c> this signer implements.</summary>
    public const string SignatureVersion = "1.0";

    /// <summary>The <c>Timestamp</c> format: ISO 8601 in UTC, to the second.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private const int HmacSha1Length = 20;
    private const int StackKeyLimit = 256;

    /// <summary>Orders parameter names the way the signature requires: by UTF-16 code unit, ordinal.</summary>
    public static readonly IComparer<KeyValuePair<string, string>> ParameterOrder =
        Comparer<KeyValuePair<string, string>>.Create(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

    /// <summary>
    /// Builds the complete, signed form body of one attempt: the operation's parameters plus the common parameters
    /// (<c>Action</c>, <c>Version</c>, <c>Format</c>, <c>AccessKeyId</c>, <c>SignatureMethod</c>, <c>SignatureVersion</c>,
    /// <c>SignatureNonce</c>, <c>Timestamp</c> and <c>SecurityToken</c> when set) and <c>Signature</c>.
    /// </summary>
    public static SignedRpcForm SignForm(
        UnsignedRpcRequest request, AlibabaCloudCredentials credentials, DateTimeOffset timestamp, string nonce)
    {
        var parameters = new List<KeyValuePair<string, string>>(request.Parameters.Count + 9);
        parameters.AddRange(request.Parameters);
        parameters.Add(new("Action", request.Action));
        parameters.Add(new("Version", request.Version));
        parameters.Add(new("Format", "JSON"));
        parameters.Add(new("AccessKeyId", credentials.AccessKeyId));
        parameters.Add(new("SignatureMethod", SignatureMethod));
        parameters.Add(new("SignatureVersion", SignatureVersion));
        parameters.Add(new("SignatureNonce", nonce));
        parameters.Add(new("Timestamp", timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)));
        if (credentials.SecurityToken is { } token)
        {
            parameters.Add(new("SecurityToken", token));
        }

        parameters.Sort(ParameterOrder);
        var canonical = Canonicalize(parameters);
        var signature = Sign("POST", canonical, credentials.AccessKeySecret);
        var encodedSignature = PercentEncoding.Encode(signature);
        var body = string.Concat(canonical, "&Signature=", encodedSignature);
        return new SignedRpcForm(body, signature);
    }

    /// <summary>The canonical query string of parameters already sorted with <see cref="ParameterOrder"/>.</summary>
    public static string Canonicalize(IReadOnlyList<KeyValuePair<string, string>> sortedParameters)
    {
        var length = Math.Max(0, sortedParameters.Count - 1);
        foreach (var (key, value) in sortedParameters)
        {
            length += PercentEncoding.GetEncodedLength(key) + 1 + PercentEncoding.GetEncodedLength(value);
        }

        return string.Create(length, sortedParameters, static (destination, parameters) =>
        {
            var position = 0;
            for (var i = 0; i < parameters.Count; i++)
            {
                if (i > 0)
                {
                    destination[position++] = '&';
                }

                position += PercentEncoding.Write(parameters[i].Key, destination[position..]);
                destination[position++] = '=';
                position += PercentEncoding.Write(parameters[i].Value, destination[position..]);
            }
        });
    }

    /// <summary>The string to sign: <c>METHOD&amp;%2F&amp;encode(canonical)</c>.</summary>
    public static string ComposeStringToSign(string httpMethod, string canonicalQuery)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(GetStringToSignLength(httpMethod, canonicalQuery));
        try
        {
            var length = WriteStringToSign(httpMethod, canonicalQuery, bytes);
            return Encoding.ASCII.GetString(bytes, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The Base64 HMAC-SHA1 signature of a canonical query string.</summary>
    public static string Sign(string httpMethod, string canonicalQuery, string accessKeySecret)
    {
        var data = ArrayPool<byte>.Shared.Rent(GetStringToSignLength(httpMethod, canonicalQuery));
        var keyLength = Encoding.UTF8.GetByteCount(accessKeySecret) + 1;
        var rentedKey = keyLength > StackKeyLimit ? ArrayPool<byte>.Shared.Rent(keyLength) : null;
        var key = rentedKey is null ? stackalloc byte[StackKeyLimit] : rentedKey;
        try
        {
            var dataLength = WriteStringToSign(httpMethod, canonicalQuery, data);
            var written = Encoding.UTF8.GetBytes(accessKeySecret, key);
            key[written] = (byte)'&';

            Span<byte> hash = stackalloc byte[HmacSha1Length];
#pragma warning disable CA5350 // SignatureMethod=HMAC-SHA1 is what the RPC protocol (SignatureVersion 1.0) specifies.
            HMACSHA1.HashData(key[..keyLength], data.AsSpan(0, dataLength), hash);
#pragma warning restore CA5350
            return Convert.ToBase64String(hash);
        }
        finally
        {
            // The key holds the secret: clear it before the buffer goes back to the pool or off the stack.
            CryptographicOperations.ZeroMemory(key);
            ArrayPool<byte>.Shared.Return(data);
            if (rentedKey is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedKey);
            }
        }
    }

    private static int GetStringToSignLength(string httpMethod, string canonicalQuery) =>
        httpMethod.Length + "&%2F&".Length + PercentEncoding.GetEncodedLength(canonicalQuery);

    private static int WriteStringToSign(string httpMethod, string canonicalQuery, Span<byte> destination)
    {
        var position = Encoding.ASCII.GetBytes(httpMethod, destination);
        position += Encoding.ASCII.GetBytes("&%2F&", destination[position..]);
        position += PercentEncoding.WriteAsciiUtf8(canonicalQuery, destination[position..]);
        return position;
    }
}

/// <summary>A signed form body and the signature it carries (kept so that it can be redacted from any echo).</summary>
/// <param name="Body">The <c>application/x-www-form-urlencoded</c> body.</param>
/// <param name="Signature">The Base64 signature.</param>
internal readonly record struct SignedRpcForm(string Body, string Signature);
