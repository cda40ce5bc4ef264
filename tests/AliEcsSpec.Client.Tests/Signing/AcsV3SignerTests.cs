using System.Security.Cryptography;
using System.Text;
using AliEcsSpec.Client.Signing;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Signing;

/// <summary>
/// The signature V3 against the worked example of Alibaba Cloud's page "V3 request structure and signature"
/// (https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature, section "Signature
/// examples", "Fixed parameter values"), and against the independent <see cref="AcsV3Oracle"/> on awkward values.
/// </summary>
public sealed class AcsV3SignerTests
{
    private const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    // The page's fixed parameter values: RunInstances on ecs.cn-shanghai with its two operation parameters in the query.
    private static readonly KeyValuePair<string, string>[] PageQuery =
    [
        new("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"),
        new("RegionId", "cn-shanghai"),
    ];

    private static readonly KeyValuePair<string, string>[] PageHeaders =
    [
        new("host", "ecs.cn-shanghai.aliyuncs.com"),
        new("x-acs-action", "RunInstances"),
        new("x-acs-content-sha256", EmptyBodySha256),
        new("x-acs-date", "2023-10-26T10:22:32Z"),
        new("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
        new("x-acs-version", "2014-05-26"),
    ];

    private const string PageCanonicalRequest =
        "POST\n" +
        "/\n" +
        "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n" +
        "host:ecs.cn-shanghai.aliyuncs.com\n" +
        "x-acs-action:RunInstances\n" +
        "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n" +
        "x-acs-date:2023-10-26T10:22:32Z\n" +
        "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n" +
        "x-acs-version:2014-05-26\n" +
        "\n" +
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n" +
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string PageStringToSign = "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259";

    private const string PageSignature = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";

    private const string PageAuthorization =
        "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";

    /// <summary>Each step of the page's example and the value the page prints for it.</summary>
    public static TheoryData<string, string> PageSteps => new()
    {
        { "HashedRequestPayload (empty body)", EmptyBodySha256 },
        { "SignedHeaders", "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version" },
        { "1. CanonicalRequest", PageCanonicalRequest },
        { "2. StringToSign", PageStringToSign },
        { "3. Signature", PageSignature },
        { "4. Authorization", PageAuthorization },
    };

    [Theory]
    [MemberData(nameof(PageSteps))]
    public void Steps_PageFixedParameterValues_GiveThePublishedValue(string step, string expected)
    {
        var actual = step switch
        {
            "HashedRequestPayload (empty body)" => AcsV3Signer.HexSha256([]),
            "SignedHeaders" => AcsV3Signer.SignedHeaders(PageHeaders),
            "1. CanonicalRequest" => AcsV3Signer.CanonicalRequest("POST", PageQuery, PageHeaders, EmptyBodySha256),
            "2. StringToSign" => AcsV3Signer.StringToSign(PageCanonicalRequest),
            "3. Signature" => AcsV3Signer.Signature(PageStringToSign, "YourAccessKeySecret"),
            "4. Authorization" => AcsV3Signer.ComposeAuthorization("YourAccessKeyId", AcsV3Signer.SignedHeaders(PageHeaders), PageSignature),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Oracle_PageFixedParameterValues_GivesThePublishedValues()
    {
        var steps = AcsV3Oracle.Sign("POST", PageQuery, PageHeaders, [], "YourAccessKeyId", "YourAccessKeySecret");

        Assert.Equal(
            new AcsV3Oracle.Steps(PageCanonicalRequest, PageStringToSign, PageSignature, PageAuthorization),
            steps);
    }

    /// <summary>A query value and its canonical form: the page's encoding rules and one official SDK vector.</summary>
    public static TheoryData<string, string> QueryEncoding => new()
    {
        // aliyun/darabonba-openapi-util, test_get_canonical_query_string.
        { " ~/*-+", "%20~%2F%2A-%2B" },
        // The page: a space is %20, '*' is %2A, '~' stays, '"' is %22; letters, digits, '-', '_' and '.' stay.
        { "a b", "a%20b" },
        { "*", "%2A" },
        { "~", "~" },
        { "\"", "%22" },
        { "AZaz09-_.", "AZaz09-_." },
        { "中", "%E4%B8%AD" },
        { string.Empty, string.Empty },
    };

    [Theory]
    [MemberData(nameof(QueryEncoding))]
    public void CanonicalRequest_QueryValue_IsEncodedPerRfc3986(string value, string encoded)
    {
        var canonical = AcsV3Signer.CanonicalRequest("POST", [new("test", value)], PageHeaders, EmptyBodySha256);

        Assert.Equal("test=" + encoded, canonical.Split('\n')[2]);
    }

    /// <summary>Values that take every path of an encoder: reserved characters, '%', non-BMP and CJK, nothing.</summary>
    public static TheoryData<string> TrickyValues => new()
    {
        " ", "*", "~", "+", "/", "中文", "😀", "%", "%20", "&", "=", string.Empty, "a b*c~d+e/f%g&h=i", "!'()", "\t\n",
    };

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void Sign_TrickyParameterValue_MatchesTheOracle(string value)
    {
        var key = new SigningKey("LTAI5tTestKeyId", "sécret 中/+&=", null);
        var rpc = new UnsignedRpcRequest("ModifyInstanceSpec", "2014-05-26",
            [new("InstanceId", "i-1"), new("Tricky", value), new("Tricky." + value, "name"), new("Disk.1.Category", "cloud_ssd")]);

        AssertMatchesOracle(rpc, key);
    }

    [Fact]
    public void Sign_StsKey_SignsTheTokenHeaderInItsSortedPlace()
    {
        var key = new SigningKey("STS.NTest", "secret", "CAIS+token/with=specials~");
        var rpc = new UnsignedRpcRequest("ModifyInstanceSpec", "2014-05-26", [new("InstanceId", "i-1")]);

        var signed = AssertMatchesOracle(rpc, key);

        Assert.Equal(
            "content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version",
            AcsV3Signer.SignedHeaders(signed.SignedHeaders));
        Assert.Contains(new KeyValuePair<string, string>("x-acs-security-token", "CAIS+token/with=specials~"), signed.SignedHeaders);
    }

    [Fact]
    public void Sign_NoParameters_SendsAnEmptyBodyWithTheEmptyHash()
    {
        var signed = AssertMatchesOracle(new UnsignedRpcRequest("DescribeRegions", "2014-05-26", []), new SigningKey("id", "secret", null));

        Assert.Empty(signed.Body);
        Assert.Contains(new KeyValuePair<string, string>("x-acs-content-sha256", EmptyBodySha256), signed.SignedHeaders);
    }

    [Theory]
    [InlineData("https://ecs.cn-hangzhou.aliyuncs.com/", "ecs.cn-hangzhou.aliyuncs.com")]
    [InlineData("https://ecs.cn-hangzhou.aliyuncs.com:443/", "ecs.cn-hangzhou.aliyuncs.com")]
    [InlineData("http://127.0.0.1:8085/", "127.0.0.1:8085")]
    [InlineData("http://localhost:80/", "localhost")]
    [InlineData("http://[::1]:8085/", "[::1]:8085")]
    public void HostOf_Endpoint_IsTheHostHeaderValue(string endpoint, string host)
    {
        Assert.Equal(host, AcsV3Signer.HostOf(new Uri(endpoint)));
    }

    /// <summary>
    /// Signs with fixed time and nonce, then checks the body, every signed header and the <c>Authorization</c> header
    /// against what the oracle computes from the page's rules.
    /// </summary>
    private static SignedAcsRequest AssertMatchesOracle(UnsignedRpcRequest rpc, SigningKey key)
    {
        var nonce = Guid.Parse("3156853299f313e23d1673dc12e1703d");
        var signed = AcsV3Signer.Sign(rpc, key, "ecs.cn-hangzhou.aliyuncs.com", TestClient.Now, nonce);

        var body = AcsV3Oracle.Query(rpc.Parameters);
        Assert.Equal(body, Encoding.ASCII.GetString(signed.Body));
        List<KeyValuePair<string, string>> headers =
        [
            new("content-type", "application/x-www-form-urlencoded"),
            new("host", "ecs.cn-hangzhou.aliyuncs.com"),
            new("x-acs-action", rpc.Action),
            new("x-acs-content-sha256", AcsV3Oracle.Hex(SHA256.HashData(Encoding.ASCII.GetBytes(body)))),
            new("x-acs-date", "2026-11-23T08:30:15Z"),
        ];
        if (key.SecurityToken is { } token)
        {
            headers.Add(new("x-acs-security-token", token));
        }

        headers.Add(new("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"));
        headers.Add(new("x-acs-version", "2014-05-26"));
        Assert.Equal(headers, signed.SignedHeaders);
        var oracle = AcsV3Oracle.Sign("POST", [], headers, signed.Body, key.AccessKeyId, key.AccessKeySecret);
        Assert.Equal(oracle.Authorization, signed.Authorization);
        Assert.Equal(oracle.Signature, signed.Signature);
        return signed;
    }
}
