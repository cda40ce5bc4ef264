using System.Security.Cryptography;
using System.Text;
using AliEcsSpec.Client.Signing;

namespace AliEcsSpec.Client.Tests.Signing;

/// <summary>The signature against vectors published by Alibaba Cloud and tested by its official SDKs.</summary>
public sealed class RpcSignerTests
{
    private static readonly KeyValuePair<string, string>[] DescribeRegions =
    [
        new("Timestamp", "2016-02-23T12:46:24Z"),
        new("Format", "XML"),
        new("AccessKeyId", "testid"),
        new("Action", "DescribeRegions"),
        new("SignatureMethod", "HMAC-SHA1"),
        new("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        new("Version", "2014-05-26"),
        new("SignatureVersion", "1.0"),
    ];

    private static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sorted = parameters.ToList();
        sorted.Sort(RpcSigner.ParameterOrder);
        return RpcSigner.Canonicalize(sorted);
    }

    [Fact]
    public void Canonicalize_DocumentedDescribeRegionsExample_SortsAndEncodes()
    {
        Assert.Equal(
            "AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26",
            Canonical(DescribeRegions));
    }

    [Fact]
    public void ComposeStringToSign_DocumentedDescribeRegionsExample_EncodesTheQueryAgain()
    {
        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            RpcSigner.ComposeStringToSign("GET", Canonical(DescribeRegions)));
    }

    [Fact]
    public void Sign_DocumentedDescribeRegionsExampleWithGet_MatchesPublishedSignature()
    {
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", RpcSigner.Sign("GET", Canonical(DescribeRegions), "testsecret"));
    }

    [Fact]
    public void Sign_DocumentedDescribeRegionsExampleWithPost_MatchesPostSignature()
    {
        Assert.Equal("MxbnVAM4w6sft9xjVpe/GCKueuk=", RpcSigner.Sign("POST", Canonical(DescribeRegions), "testsecret"));
    }

    [Fact]
    public void Sign_OlderDocumentRevisionSpellingTimeStamp_MatchesPublishedSignature()
    {
        var older = DescribeRegions.Select(p => p.Key == "Timestamp" ? new KeyValuePair<string, string>("TimeStamp", p.Value) : p);
        Assert.Equal("CT9X0VtwR86fNWSnsc6v8YGOjuE=", RpcSigner.Sign("GET", Canonical(older), "testsecret"));
    }

    [Fact]
    public void Sign_DarabonbaOpenApiUtilVector_MatchesOfficialSdkTest()
    {
        // aliyun/darabonba-openapi-util: getRPCSignature({query: test, body: test}, "GET", "secret").
        var canonical = Canonical([new("query", "test"), new("body", "test")]);
        Assert.Equal("GET&%2F&body%3Dtest%26query%3Dtest", RpcSigner.ComposeStringToSign("GET", canonical));
        Assert.Equal("XlUyV4sXjOuX5FnjUz9IF9tm5rU=", RpcSigner.Sign("GET", canonical, "secret"));
    }

    [Fact]
    public void Sign_DarabonbaVectorWithEmptyMethod_MatchesOfficialSdkTest()
    {
        // aliyun/darabonba-openapi-util (Go, TypeScript): GetRPCSignature({test: ok}, "", "accessKeySecret").
        Assert.Equal("jHx/oHoHNrbVfhncHEvPdHXZwHU=", RpcSigner.Sign(string.Empty, Canonical([new("test", "ok")]), "accessKeySecret"));
    }

    [Fact]
    public void Sign_GoSdkComposerVectorWithSpaceAndEmptyValues_MatchesOfficialSdkTest()
    {
        // aliyun/alibaba-cloud-sdk-go sdk/auth/rpc_signature_composer_test.go.
        KeyValuePair<string, string>[] parameters =
        [
            new("AccessKeyId", "accessKeyId"), new("Action", string.Empty), new("Format", "JSON"),
            new("RegionId", "regionId"), new("SignatureMethod", "HMAC-SHA1"), new("SignatureNonce", "MOCK_UUID"),
            new("SignatureType", string.Empty), new("SignatureVersion", "1.0"), new("Timestamp", "mock date"),
            new("Version", string.Empty),
        ];
        Assert.Equal("7loPmFjvDnzOVnQeQNj85S6nFGY=", RpcSigner.Sign("GET", Canonical(parameters), "accessKeySecret"));
        Assert.Equal(
            "5Nxdcler+ihqWqv0Hr2On4PsBf4=",
            RpcSigner.Sign("GET", Canonical([.. parameters, new("SecurityToken", "accessKeyStsToken")]), "accessKeySecret"));
    }

    [Fact]
    public void ComposeStringToSign_ValueThatIsAUrl_IsEncodedTwice()
    {
        // aliyun/alibaba-cloud-sdk-go buildRpcStringToSign.
        var canonical = Canonical([new("key", "value"), new("q", "http://domain/?q=value&q2=value2")]);
        Assert.Equal(
            "GET&%2F&key%3Dvalue%26q%3Dhttp%253A%252F%252Fdomain%252F%253Fq%253Dvalue%2526q2%253Dvalue2",
            RpcSigner.ComposeStringToSign("GET", canonical));
    }

    [Fact]
    public void Sign_PythonSdkComposerVector_MatchesOfficialSdkValue()
    {
        // aliyun/aliyun-openapi-python-sdk tests/auth/composer/test_rpc_signature_composer.py (mocks swapped there).
        KeyValuePair<string, string>[] parameters =
        [
            new("SignatureVersion", "1.0"), new("Format", "JSON"), new("Timestamp", "7e1c7d12-7551-4856-8abb-1938ccac6bcc"),
            new("AccessKeyId", "access_key_id"), new("SignatureMethod", "HMAC-SHA1"), new("SignatureType", string.Empty),
            new("SignatureNonce", "2018-12-04T04:03:12Z"),
        ];
        Assert.Equal("5AYPtZduFYvj3ETTIQlivGqL7Ic=", RpcSigner.Sign("GET", Canonical(parameters), "access_key_secret"));
    }

    [Theory]
    [InlineData(" ~/*-+", "%20~%2F%2A-%2B")] // darabonba-openapi-util (Python)
    [InlineData("123abc!@#$%^&*()-=_+ ~|\\/", "123abc%21%40%23%24%25%5E%26%2A%28%29-%3D_%2B%20~%7C%5C%2F")] // aliyun-java-sdk-core
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!@#$%^&*()",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%21%40%23%24%25%5E%26%2A%28%29")] // aliyun-net-sdk-core
    [InlineData("str'str", "str%27str")] // @alicloud/pop-core
    [InlineData("中文", "%E4%B8%AD%E6%96%87")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("", "")]
    public void Encode_PublishedVectors_UsesUpperCaseUtf8PercentEncoding(string value, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Encode(value));
    }

    [Fact]
    public void Encode_LoneSurrogate_EncodesTheReplacementCharacter()
    {
        Assert.Equal("%EF%BF%BDx", PercentEncoding.Encode(new string(['\uD800', 'x'])));
    }

    public static TheoryData<string, KeyValuePair<string, string>[], string, string> PublishedVectors => new()
    {
        { "GET", DescribeRegions, "testsecret", "OLeaidS1JvxuMvnyHOwuJ+uX5qY=" },
        { "POST", DescribeRegions, "testsecret", "MxbnVAM4w6sft9xjVpe/GCKueuk=" },
        { "GET", [new("query", "test"), new("body", "test")], "secret", "XlUyV4sXjOuX5FnjUz9IF9tm5rU=" },
        { string.Empty, [new("test", "ok")], "accessKeySecret", "jHx/oHoHNrbVfhncHEvPdHXZwHU=" },
    };

    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public void ReferenceSignature_PublishedVectors_MatchesPublishedSignature(
        string method, KeyValuePair<string, string>[] parameters, string secret, string expected)
    {
        // The oracle the wire tests check every signed body with (Uri.EscapeDataString and HMACSHA1.HashData, none of
        // the library's code) must itself agree with Alibaba's published values.
        Assert.Equal(expected, Support.WireForm.ReferenceSignature(method, parameters, secret));
    }

    [Theory]
    [InlineData("i-ü *~&=+/中")]
    [InlineData("i-\U0001F600%41")]
    [InlineData("a b'!()*")]
    public void SignForm_ReservedAndNonAsciiValues_MatchesTheReferenceSignature(string instanceId)
    {
        var request = new UnsignedRpcRequest("ModifyInstanceSpec", "2014-05-26", [new("InstanceId", instanceId), new("ClientToken", "a b")]);

        var signed = RpcSigner.SignForm(request, new SigningKey("id", "secret", null), TestClientNow, Nonce);

        var form = Support.WireForm.Parse(Encoding.ASCII.GetString(signed.Body));
        Assert.Equal(instanceId, form["InstanceId"]);
        Assert.Equal(form.ExpectedSignature("secret"), signed.Signature);
        Assert.EndsWith("&Signature=" + Uri.EscapeDataString(signed.Signature), Encoding.ASCII.GetString(signed.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void SignForm_AnyRequest_AddsCommonParametersAndAReferenceValidSignature()
    {
        var request = new UnsignedRpcRequest("ModifyInstanceSpec", "2014-05-26", [new("InstanceId", "i-1"), new("InstanceType", "ecs.g6.large")]);
        var credentials = new SigningKey("testid", "testsecret", "sts-token+/=");

        var signed = RpcSigner.SignForm(request, credentials, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)), Nonce);

        var form = Support.WireForm.Parse(Encoding.ASCII.GetString(signed.Body));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["AccessKeyId"] = "testid", ["Action"] = "ModifyInstanceSpec", ["Format"] = "JSON",
                ["InstanceId"] = "i-1", ["InstanceType"] = "ecs.g6.large", ["SecurityToken"] = "sts-token+/=",
                ["Signature"] = signed.Signature, ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = "5d9c2b1e-8f53-4b1a-9a43-0c6f0f6a7e21",
                ["SignatureVersion"] = "1.0", ["Timestamp"] = "2026-01-01T19:04:05Z", ["Version"] = "2014-05-26",
            },
            form.Fields);
        Assert.Equal(form.ExpectedSignature("testsecret"), signed.Signature);
    }

    [Fact]
    public void SignForm_OperationParametersInAnyOrder_SignsTheFieldsInOrdinalOrderOfName()
    {
        var request = new UnsignedRpcRequest("ModifyPrepayInstanceSpec", "2014-05-26",
        [
            new("Zz", "last"), new("SystemDisk.Category", "cloud_ssd"), new("RegionId", "cn-hangzhou"), new("Async", "true"),
            new("ClientToken", "t"), new("AutoPay", "true"), new("Temporary.EndTime", "x"), new("InstanceId", "i-1"), new("A", "first"),
        ]);

        var signed = RpcSigner.SignForm(request, new SigningKey("id", "secret", "token"), TestClientNow, Nonce);

        var names = Encoding.ASCII.GetString(signed.Body).Split('&').Select(field => field[..field.IndexOf('=', StringComparison.Ordinal)]);
        Assert.Equal(
            [
                "A", "AccessKeyId", "Action", "Async", "AutoPay", "ClientToken", "Format", "InstanceId", "RegionId", "SecurityToken",
                "SignatureMethod", "SignatureNonce", "SignatureVersion", "SystemDisk.Category", "Temporary.EndTime", "Timestamp",
                "Version", "Zz", "Signature",
            ],
            names);
    }

    [Fact]
    public void SignForm_SecretWithNonAsciiAndLongKey_MatchesReferenceSignature()
    {
        var secret = new string('秘', 300);
        var request = new UnsignedRpcRequest("ModifyInstanceSpec", "2014-05-26", [new("InstanceId", "i-ü *~")]);

        var signed = RpcSigner.SignForm(request, new SigningKey("id", secret, null), TestClientNow, Nonce);

        Assert.Equal(Support.WireForm.Parse(Encoding.ASCII.GetString(signed.Body)).ExpectedSignature(secret), signed.Signature);
    }

    [Fact]
    public void SignForm_SecretRotatedOnTheSameThread_SignsWithEachSecretInTurn()
    {
        var request = new UnsignedRpcRequest("ModifyInstanceSpec", "2014-05-26", [new("InstanceId", "i-1")]);

        var signatures = new[] { "old-secret", "new-secret", "old-secret" }
            .Select(secret => (secret, RpcSigner.SignForm(request, new SigningKey("id", secret, null), TestClientNow, Nonce)))
            .ToList();

        Assert.All(signatures, pair =>
            Assert.Equal(Support.WireForm.Parse(Encoding.ASCII.GetString(pair.Item2.Body)).ExpectedSignature(pair.secret), pair.Item2.Signature));
        Assert.NotEqual(signatures[0].Item2.Signature, signatures[1].Item2.Signature);
    }

    [Fact]
    public void SignForm_SameKeyOnManyThreadsAtOnce_EverySignatureMatchesTheReference()
    {
        var request = new UnsignedRpcRequest("ModifyInstanceSpec", "2014-05-26", [new("InstanceId", "i-1")]);

        var signatures = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => "secret" + (i % 3))
            .Select(secret => (secret, RpcSigner.SignForm(request, new SigningKey("id", secret, null), TestClientNow, Nonce)))
            .ToList();

        Assert.All(signatures, pair =>
            Assert.Equal(Support.WireForm.Parse(Encoding.ASCII.GetString(pair.Item2.Body)).ExpectedSignature(pair.secret), pair.Item2.Signature));
    }

    [Fact]
    public void NewNonce_ManyCalls_AreAllDifferent()
    {
        var nonces = Enumerable.Range(0, 10_000).Select(_ => RpcSigner.NewNonce()).ToHashSet();

        Assert.Equal(10_000, nonces.Count);
    }

    private static readonly DateTimeOffset TestClientNow = Support.TestClient.Now;

    private static readonly Guid Nonce = Guid.Parse("5d9c2b1e-8f53-4b1a-9a43-0c6f0f6a7e21");
}
