using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Client.Signing;

/// <summary>
/// HMAC-SHA1 keyed with <c>AccessKeySecret + "&amp;"</c>: one keyed instance per thread, reused while the secret stays
/// the same.
/// </summary>
/// <remarks>
/// The one-shot <see cref="HMACSHA1.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> makes OpenSSL look
/// the algorithm up and expand the key on every call, which alone spends a third of the signing budget; a keyed
/// <see cref="IncrementalHash"/> reset after each use does not. A thread-static instance needs no lock and serves one
/// signing at a time. It holds the derived key as long as the thread lives, as the credentials object holds the secret
/// itself; a new secret (rotated STS credentials) replaces it, and an instance that failed half-way is never reused.
/// </remarks>
internal static class PerThreadHmacSha1
{
    [ThreadStatic]
    private static Keyed? t_keyed;

    /// <summary>Writes the HMAC-SHA1 of <paramref name="data"/> under <paramref name="accessKeySecret"/> into <paramref name="hash"/> (20 bytes).</summary>
    public static void Compute(string accessKeySecret, ReadOnlySpan<byte> data, Span<byte> hash)
    {
        var keyed = t_keyed;
        if (keyed is null || !string.Equals(keyed.Secret, accessKeySecret, StringComparison.Ordinal))
        {
            keyed?.Hmac.Dispose();
            t_keyed = keyed = new Keyed(accessKeySecret, CreateHmac(accessKeySecret));
        }

        try
        {
            keyed.Hmac.AppendData(data);
            keyed.Hmac.GetHashAndReset(hash);
        }
        catch
        {
            t_keyed = null;
            keyed.Hmac.Dispose();
            throw;
        }
    }

    private static IncrementalHash CreateHmac(string accessKeySecret)
    {
        var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        try
        {
#pragma warning disable CA5350 // HMAC-SHA1 is what SignatureMethod=HMAC-SHA1 means; the service defines it, not this client.
            return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
#pragma warning restore CA5350
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private sealed record Keyed(string Secret, IncrementalHash Hmac)
    {
        public override string ToString() => "PerThreadHmacSha1 { *** }";
    }
}
