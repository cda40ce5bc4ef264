using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Tests;

namespace AliEcsSpec.Client.Soak.Secrets;

/// <summary>
/// The values that must never show up in anything the client hands out: both AccessKey secrets the soak signs
/// with (the account's own and the STS one), the STS SecurityToken, and every Signature that went on the wire.
/// </summary>
internal sealed class SecretsCheck
{
    private readonly List<string> _secrets;

    public SecretsCheck(string accessKeySecret, AlibabaCloudCredentials sts, IReadOnlyCollection<string> signatures)
    {
        _secrets = [accessKeySecret, sts.AccessKeySecret, sts.SecurityToken ?? string.Empty, .. signatures];
        Signatures = signatures.Count;
    }

    /// <summary>How many signatures are searched for.</summary>
    public int Signatures { get; }

    /// <summary>
    /// How many kept texts of <paramref name="witness"/> contain a secret, and the first few of them with each secret
    /// replaced by <c>&lt;secret&gt;</c>: a leak is reported by where it is, without printing the secret once more.
    /// </summary>
    public (int Count, IReadOnlyList<string> Examples) LeaksIn(SecretsWitness witness, int examples = 20)
    {
        var leaks = witness.Leaks(_secrets);
        return (leaks.Count, [.. leaks.Take(examples).Select(Redact)]);
    }

    /// <summary>
    /// Whether the scan finds a secret where there is one: a witness of its own is shown a signature-like value inside
    /// a line, and must report exactly that line. A scan that finds nothing proves nothing otherwise.
    /// </summary>
    public static bool ScanFindsAPlantedSecret()
    {
        const string Planted = "Qm9ndXMgc2lnbmF0dXJlIDEyMzQ=";
        using var witness = new SecretsWitness();
        witness.Witness("a clean line");
        witness.Witness($"Signature={Planted}&SignatureNonce=1");
        var leaks = witness.Leaks(["never-there", Planted]);
        return leaks.Count == 1 && leaks[0].StartsWith("secret #1 in: Signature=", StringComparison.Ordinal);
    }

    private string Redact(string text) =>
        _secrets.Where(s => s.Length > 0).Aggregate(text, (redacted, secret) => redacted.Replace(secret, "<secret>", StringComparison.Ordinal));
}
