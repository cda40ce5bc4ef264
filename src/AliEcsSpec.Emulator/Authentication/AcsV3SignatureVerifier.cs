using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Emulator.Authentication;

/// <summary>
/// Verifies V3 signatures (<c>Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…</c>) as
/// Alibaba Cloud's "V3 request structure and signature" describes them, with the same account, timestamp, security
/// token and nonce rules as V2 (<see cref="CallerRules"/>). Its own implementation: it shares no code with the client.
/// </summary>
internal sealed class AcsV3SignatureVerifier(CallerRules rules)
{
    /// <summary>The headers a V3 request must carry; the page marks them required (the nonce too, so replays are caught).</summary>
    private static readonly string[] Required =
        ["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];

    /// <summary>Checks one request; returns null when it is authentic, otherwise the documented error.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="account">The AccessKey ID of the account the request acts for.</param>
    public ServiceError? Verify(AcsV3Request request, out string account)
    {
        account = string.Empty;
        if (!AcsV3Authorization.TryParse(request.Header("Authorization") ?? string.Empty, out var authorization, out var problem))
        {
            return Incomplete(problem);
        }

        if (authorization.Algorithm != AcsV3Canonicalizer.Algorithm)
        {
            return Incomplete($"the emulator verifies {AcsV3Canonicalizer.Algorithm} only, not {authorization.Algorithm}");
        }

        foreach (var name in Required)
        {
            if (string.IsNullOrEmpty(request.Header(name)))
            {
                return ServiceError.MissingParameter(name);
            }
        }

        if (SignedHeadersProblem(request, authorization.SignedHeaders) is { } unsigned)
        {
            return Incomplete(unsigned);
        }

        if (rules.FindPrincipal(authorization.Credential, out var principal) is { } unknownKey)
        {
            return unknownKey;
        }

        var now = rules.Now();
        if (CallerRules.CheckTimestamp(request.Header("x-acs-date")!, now) is { } staleOrMalformed)
        {
            return staleOrMalformed;
        }

        // The server hashes the body it received: a body changed on the way, or a wrong claim, cannot match.
        var payloadHash = AcsV3Canonicalizer.HexSha256(request.Body.Span);
        var stringToSign = AcsV3Canonicalizer.StringToSign(AcsV3Canonicalizer.CanonicalRequest(request, authorization.SignedHeaders, payloadHash));
        if (request.Header("x-acs-content-sha256") != payloadHash)
        {
            return Mismatch(stringToSign, " The x-acs-content-sha256 header is not the SHA-256 of the request body (" + payloadHash + ").");
        }

        var expected = AcsV3Canonicalizer.Sign(stringToSign, principal.Secret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            return Mismatch(stringToSign, string.Empty);
        }

        var tokenError = CallerRules.CheckSecurityToken(principal, request.Header("x-acs-security-token"), now)
            ?? rules.UseNonce(request.Header("x-acs-signature-nonce")!, now);
        if (tokenError is not null)
        {
            return tokenError;
        }

        account = principal.AccountAccessKeyId;
        return null;
    }

    /// <summary>
    /// SignedHeaders lists lower-case names, ascending, each once, each of a header the request carries; and every
    /// <c>host</c>, <c>content-type</c> and <c>x-acs-*</c> header (all common headers but Authorization) is signed.
    /// </summary>
    private static string? SignedHeadersProblem(AcsV3Request request, IReadOnlyList<string> signed)
    {
        for (var i = 0; i < signed.Count; i++)
        {
            var name = signed[i];
            if (name.Length == 0 || name.Any(char.IsUpper) || (i > 0 && string.CompareOrdinal(signed[i - 1], name) >= 0))
            {
                return "SignedHeaders must list lower-case header names in ascending order, each once: " + string.Join(';', signed);
            }

            if (!request.Headers.ContainsKey(name))
            {
                return $"the signed header {name} is not in the request";
            }
        }

        var unsignedHeader = request.Headers.Keys.FirstOrDefault(name => MustBeSigned(name)
            && !signed.Contains(name, StringComparer.OrdinalIgnoreCase));
        return unsignedHeader is null ? null : $"the header {unsignedHeader} is in the request but not in SignedHeaders";

        static bool MustBeSigned(string name) =>
            name.Equals("host", StringComparison.OrdinalIgnoreCase)
            || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("x-acs-", StringComparison.OrdinalIgnoreCase);
    }

    private static ServiceError Incomplete(string problem) =>
        new(400, "IncompleteSignature", $"The request signature does not conform to Aliyun standards: {problem}.");

    private static ServiceError Mismatch(string stringToSign, string hint) =>
        new(400, "SignatureDoesNotMatch", "Specified signature does not match our calculation." + hint + " server string to sign is:" + stringToSign);
}
