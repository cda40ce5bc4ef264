namespace AliEcsSpec.Emulator.Authentication;

/// <summary>
/// The parts of a V3 <c>Authorization</c> header:
/// <c>ACS3-HMAC-SHA256 Credential=AccessKeyId,SignedHeaders=a;b;c,Signature=hex</c>.
/// </summary>
/// <param name="Algorithm">The signature algorithm, before the first space.</param>
/// <param name="Credential">The AccessKey ID.</param>
/// <param name="SignedHeaders">The names of the signed headers, in the order given.</param>
/// <param name="Signature">The lower-case hexadecimal signature.</param>
internal sealed record AcsV3Authorization(string Algorithm, string Credential, IReadOnlyList<string> SignedHeaders, string Signature)
{
    /// <summary>The scheme prefix that marks a request as signed with V3, whatever the algorithm after it.</summary>
    public const string SchemePrefix = "ACS3-";

    private static readonly string[] Fields = ["Credential", "SignedHeaders", "Signature"];

    /// <summary>Reads <paramref name="header"/>; on failure, <paramref name="problem"/> says what is wrong with it.</summary>
    public static bool TryParse(string header, out AcsV3Authorization authorization, out string problem)
    {
        authorization = new AcsV3Authorization(string.Empty, string.Empty, [], string.Empty);
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            problem = "the Authorization header has no space between the algorithm and its fields";
            return false;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in header[(space + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(field[..equals], field[(equals + 1)..]))
            {
                problem = $"the Authorization field \"{field}\" is not a single Name=Value";
                return false;
            }
        }

        foreach (var name in Fields)
        {
            if (!fields.TryGetValue(name, out var value) || value.Length == 0)
            {
                problem = $"the Authorization header has no {name}";
                return false;
            }
        }

        authorization = new AcsV3Authorization(header[..space], fields["Credential"], fields["SignedHeaders"].Split(';'), fields["Signature"]);
        problem = string.Empty;
        return true;
    }
}
