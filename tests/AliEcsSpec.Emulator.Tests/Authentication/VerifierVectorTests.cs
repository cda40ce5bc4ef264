using AliEcsSpec.Emulator.Authentication;

namespace AliEcsSpec.Emulator.Tests.Authentication;

/// <summary>
/// The emulator's own signature code against published answers, so that a canonicalization bug cannot hide behind
/// raw-request tests that sign the same way.
/// </summary>
public sealed class VerifierVectorTests
{
    [Fact]
    public void Sign_DocumentedDescribeRegionsExample_MatchesThePublishedSignature()
    {
        var parameters = new Dictionary<string, string>
        {
            ["Timestamp"] = "2016-02-23T12:46:24Z", ["Format"] = "XML", ["AccessKeyId"] = "testid", ["Action"] = "DescribeRegions",
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", ["Version"] = "2014-05-26",
            ["SignatureVersion"] = "1.0", ["Signature"] = "ignored",
        };

        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", RpcSignatureVerifier.Sign("GET", parameters, "testsecret"));
    }

    [Fact]
    public void StringToSign_SpaceStarTildeAndNonAscii_AreEncodedAsTheServiceDoes()
    {
        var parameters = new Dictionary<string, string> { ["k"] = "a b*c~中" };

        Assert.Equal("POST&%2F&k%3Da%2520b%252Ac~%25E4%25B8%25AD", RpcSignatureVerifier.StringToSign("POST", parameters));
    }

    [Fact]
    public void Sign_GoSdkVectorWithEmptyValuesAndSpace_MatchesTheOfficialTest()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "accessKeyId", ["Action"] = string.Empty, ["Format"] = "JSON", ["RegionId"] = "regionId",
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = "MOCK_UUID", ["SignatureType"] = string.Empty,
            ["SignatureVersion"] = "1.0", ["Timestamp"] = "mock date", ["Version"] = string.Empty,
        };

        Assert.Equal("7loPmFjvDnzOVnQeQNj85S6nFGY=", RpcSignatureVerifier.Sign("GET", parameters, "accessKeySecret"));
    }
}
