using System.Net;
using System.Text;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Authentication;

/// <summary>
/// Signature V3 (ACS3-HMAC-SHA256) over HTTP: requests signed by the tests' own <see cref="V3Signer"/> are accepted,
/// and any change after signing is refused with the code the "V3 request structure and signature" page documents.
/// </summary>
public sealed class V3SignatureTests
{
    [Theory]
    [InlineData("POST", false)]
    [InlineData("POST", true)]
    [InlineData("GET", false)]
    public async Task Call_ValidV3WithParametersInQueryOrFormBody_SucceedsAndChangesState(string method, bool inBody)
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-valid");
        call.Method = method;

        var answer = await (inBody ? call.InBody() : call).Sign(h.Emulator.Endpoint).CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.OK, null), answer);
        Assert.Single(h.State.Changes);
    }

    [Theory]
    [InlineData("x-acs-action header")]
    [InlineData("query parameter")]
    public async Task Call_SignedPartChangedAfterSigning_IsRefusedWithSignatureDoesNotMatch(string part)
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-tampered").Sign(h.Emulator.Endpoint);
        if (part == "query parameter")
        {
            call.Query[1] = ("InternetMaxBandwidthOut", "100");
        }
        else
        {
            call.Headers["x-acs-action"] = "ModifyPrepayInstanceSpec";
        }

        var answer = await call.CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "SignatureDoesNotMatch"), answer);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task Call_BodyChangedAfterSigning_IsRefusedWithSignatureDoesNotMatch()
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-tampered-body").InBody().Sign(h.Emulator.Endpoint);
        call.Body = Encoding.UTF8.GetBytes("InstanceId=i-postpaid-running-01&InternetMaxBandwidthOut=100");

        var (status, body) = await call.SendAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "SignatureDoesNotMatch"), (status, body.GetProperty("Code").GetString()));
        Assert.Contains("x-acs-content-sha256", body.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task Call_SignedClaimOfAnotherBodyHash_IsRefusedWithSignatureDoesNotMatch()
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-wrong-hash").InBody().Sign(h.Emulator.Endpoint, claimedHash: V3Signer.Sha256Hex([]));

        var answer = await call.CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "SignatureDoesNotMatch"), answer);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task Call_WrongSecret_IsRefusedWithSignatureDoesNotMatchQuotingTheStringToSign()
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-wrong-secret").Sign(h.Emulator.Endpoint, secret: "not-the-secret");

        var (status, body) = await call.SendAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "SignatureDoesNotMatch"), (status, body.GetProperty("Code").GetString()));
        Assert.StartsWith("Specified signature does not match our calculation. server string to sign is:ACS3-HMAC-SHA256\n",
            body.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x-acs-date")]
    [InlineData("x-acs-signature-nonce")]
    [InlineData("x-acs-content-sha256")]
    [InlineData("content-type")]
    public async Task Call_CommonHeaderSentButNotSigned_IsRefusedWithIncompleteSignature(string header)
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-unsigned-" + header).InBody().Sign(h.Emulator.Endpoint, leaveUnsigned: header);

        var (status, body) = await call.SendAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), (status, body.GetProperty("Code").GetString()));
        Assert.Contains(header, body.GetProperty("Message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Call_SignedHeaderLeftOffTheWire_IsRefusedWithIncompleteSignature()
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-dropped-header");
        call.Headers["x-acs-extra"] = "signed, then not sent";
        call.Sign(h.Emulator.Endpoint).Headers.Remove("x-acs-extra");

        var (status, body) = await call.SendAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), (status, body.GetProperty("Code").GetString()));
        Assert.Contains("x-acs-extra", body.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_RequiredHeaderMissing_IsRefusedWithMissingParameterNamingIt()
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-no-action");
        call.Headers.Remove("x-acs-action");

        var (status, body) = await call.Sign(h.Emulator.Endpoint).SendAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "MissingParameter"), (status, body.GetProperty("Code").GetString()));
        Assert.Contains("\"x-acs-action\"", body.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_AnotherAcs3Algorithm_IsRefusedWithIncompleteSignature()
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-sm3").Sign(h.Emulator.Endpoint);
        call.Headers["Authorization"] = call.Headers["Authorization"].Replace("ACS3-HMAC-SHA256", "ACS3-HMAC-SM3", StringComparison.Ordinal);

        var answer = await call.CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), answer);
    }
}
