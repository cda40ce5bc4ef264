using System.Text;
using AliEcsSpec.Emulator.Authentication;
using AliEcsSpec.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Emulator.Tests.Authentication;

/// <summary>
/// The worked example of Alibaba Cloud's "V3 request structure and signature" page (the RunInstances call with fixed
/// AccessKey, nonce and date), checked step by step against the emulator's verifier and against the tests' own
/// signer, so that neither can drift from the page without a test saying which step moved.
/// </summary>
public sealed class V3VectorTests
{
    private const string KeyId = "YourAccessKeyId";
    private const string Secret = "YourAccessKeySecret";
    private const string Date = "2023-10-26T10:22:32Z";
    private const string Nonce = "3156853299f313e23d1673dc12e1703d";
    private const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string PublishedSignature = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";

    private static readonly string[] SignedNames =
        ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];

    private static readonly string PublishedCanonicalRequest = string.Join("\n",
        "POST",
        "/",
        "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
        "host:ecs.cn-shanghai.aliyuncs.com",
        "x-acs-action:RunInstances",
        "x-acs-content-sha256:" + EmptyBodyHash,
        "x-acs-date:" + Date,
        "x-acs-signature-nonce:" + Nonce,
        "x-acs-version:2014-05-26",
        string.Empty,
        string.Join(";", SignedNames),
        EmptyBodyHash);

    private static readonly string PublishedAuthorization =
        $"ACS3-HMAC-SHA256 Credential={KeyId},SignedHeaders={string.Join(";", SignedNames)},Signature={PublishedSignature}";

    /// <summary>Each published intermediate value, named by the page's step.</summary>
    public static TheoryData<string, string> PublishedSteps => new()
    {
        { "HashedRequestPayload", EmptyBodyHash },
        { "CanonicalRequest", PublishedCanonicalRequest },
        { "StringToSign", "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259" },
        { "Signature", PublishedSignature },
    };

    [Theory]
    [MemberData(nameof(PublishedSteps))]
    public void Canonicalizer_PageExampleStep_MatchesThePublishedValue(string step, string published)
    {
        var payload = AcsV3Canonicalizer.HexSha256([]);
        var canonical = AcsV3Canonicalizer.CanonicalRequest(PageRequest(), SignedNames, payload);
        var stringToSign = AcsV3Canonicalizer.StringToSign(canonical);
        var computed = step switch
        {
            "HashedRequestPayload" => payload,
            "CanonicalRequest" => canonical,
            "StringToSign" => stringToSign,
            _ => AcsV3Canonicalizer.Sign(stringToSign, Secret),
        };

        Assert.Equal(published, computed);
    }

    [Fact]
    public void Verify_PageExampleAtItsDate_IsAccepted()
    {
        var rules = new CallerRules(id => id == KeyId ? new Principal(Secret, KeyId, null, null) : null,
            new FakeTimeProvider(DateTimeOffset.Parse(Date, System.Globalization.CultureInfo.InvariantCulture)));

        var error = new AcsV3SignatureVerifier(rules).Verify(PageRequest(), out var account);

        Assert.Null(error);
        Assert.Equal(KeyId, account);
    }

    [Fact]
    public void TestSigner_PageExample_ProducesThePublishedAuthorization()
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = "ecs.cn-shanghai.aliyuncs.com", ["x-acs-action"] = "RunInstances", ["x-acs-content-sha256"] = V3Signer.Sha256Hex([]),
            ["x-acs-date"] = Date, ["x-acs-signature-nonce"] = Nonce, ["x-acs-version"] = "2014-05-26",
        };
        var canonical = V3Signer.CanonicalRequest("POST", [("RegionId", "cn-shanghai"), ("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd")],
            headers, V3Signer.Sha256Hex([]));

        Assert.Equal(PublishedAuthorization, V3Signer.Authorization(KeyId, Secret, canonical, headers.Keys));
    }

    [Theory]
    [InlineData(" ", "%20")]
    [InlineData("*", "%2A")]
    [InlineData("~", "~")]
    [InlineData("\"", "%22")]
    [InlineData("+", "%2B")]
    [InlineData("-_.", "-_.")]
    [InlineData("中", "%E4%B8%AD")]
    public void Encode_CharacterThePageNames_IsEncodedAsThePageSays(string text, string encoded)
    {
        Assert.Equal(encoded, AcsV3Canonicalizer.Encode(text));
    }

    [Fact]
    public void CanonicalQuery_RepeatedNameAndEmptyValue_SortsByValueAndKeepsTheEqualsSign()
    {
        KeyValuePair<string, string>[] query = [new("b", "2"), new("a", string.Empty), new("b", "1")];

        Assert.Equal("a=&b=1&b=2", AcsV3Canonicalizer.CanonicalQuery(query));
    }

    [Fact]
    public void CanonicalRequest_HeaderWithSeveralValues_TrimsSortsAndJoinsThemWithCommas()
    {
        var request = new AcsV3Request("GET", "/", [], Headers(("x-acs-multi", [" b ", "a"])), Encoding.UTF8.GetBytes(string.Empty));

        var canonical = AcsV3Canonicalizer.CanonicalRequest(request, ["x-acs-multi"], EmptyBodyHash);

        Assert.Equal("GET\n/\n\nx-acs-multi:a,b\n\nx-acs-multi\n" + EmptyBodyHash, canonical);
    }

    /// <summary>The page's request: POST /, its two query parameters, its headers, no body.</summary>
    private static AcsV3Request PageRequest() => new(
        "POST",
        "/",
        [new("RegionId", "cn-shanghai"), new("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd")],
        Headers(
            ("Authorization", [PublishedAuthorization]), ("Host", ["ecs.cn-shanghai.aliyuncs.com"]), ("x-acs-action", ["RunInstances"]),
            ("x-acs-content-sha256", [EmptyBodyHash]), ("x-acs-date", [Date]), ("x-acs-signature-nonce", [Nonce]), ("x-acs-version", ["2014-05-26"])),
        ReadOnlyMemory<byte>.Empty);

    private static Dictionary<string, IReadOnlyList<string>> Headers(params (string Name, string[] Values)[] headers) =>
        headers.ToDictionary(h => h.Name, h => (IReadOnlyList<string>)h.Values, StringComparer.OrdinalIgnoreCase);
}
