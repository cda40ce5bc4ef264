using System.Net;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Authentication;

/// <summary>
/// Who may sign a V3 request and when: the same accounts, STS tokens (in <c>x-acs-security-token</c>), 15-minute
/// window and nonce memory as V2; and what a request signed with neither version is told.
/// </summary>
public sealed class V3CallerTests
{
    [Fact]
    public async Task Call_UnknownAccessKeyId_IsRefusedWithInvalidAccessKeyIdNotFound()
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-unknown-key").Sign(h.Emulator.Endpoint, accessKeyId: "no-such-key");

        var answer = await call.CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.NotFound, "InvalidAccessKeyId.NotFound"), answer);
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    public async Task Call_DateSixteenMinutesFromTheServerClock_IsRefusedWithInvalidTimeStampExpired(int minutes)
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-stale", Harness.Start.AddMinutes(minutes)).Sign(h.Emulator.Endpoint);

        var answer = await call.CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidTimeStamp.Expired"), answer);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task Call_DateWithMilliseconds_IsRefusedWithInvalidTimeStampFormat()
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-millis");
        call.Headers["x-acs-date"] = "2026-11-23T08:00:00.000Z";

        var answer = await call.Sign(h.Emulator.Endpoint).CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidTimeStamp.Format"), answer);
    }

    [Fact]
    public async Task Call_ReplayedNonce_IsRefusedWithSignatureNonceUsed()
    {
        await using var h = await Harness.StartAsync();
        var call = RawV3.Bandwidth("v3-replayed").Sign(h.Emulator.Endpoint);
        var (first, _) = await call.SendAsync(h.Emulator.Endpoint);

        var (second, body) = await call.SendAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (first, second));
        Assert.Equal("SignatureNonceUsed", body.GetProperty("Code").GetString());
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task Call_NonceAlreadyUsedByAV2Request_IsRefusedWithSignatureNonceUsed()
    {
        await using var h = await Harness.StartAsync(o => o.ChangeCooldown = TimeSpan.Zero);
        var v2 = RawRpc.Call("ModifyInstanceSpec", ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "20"));
        v2["SignatureNonce"] = "shared-nonce";
        await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", v2));

        var answer = await RawV3.Bandwidth("shared-nonce").Sign(h.Emulator.Endpoint).CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "SignatureNonceUsed"), answer);
    }

    [Fact]
    public async Task Call_StsCredentialsWithSecurityTokenHeader_SucceedForTheAccount()
    {
        await using var h = await Harness.StartAsync();
        var session = h.State.IssueSession(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoRoleArn, TimeSpan.FromHours(1));
        var call = RawV3.Bandwidth("v3-sts");
        call.Headers["x-acs-security-token"] = session.SecurityToken;

        var answer = await call.Sign(h.Emulator.Endpoint, session.AccessKeyId, session.AccessKeySecret).CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.OK, null), answer);
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task Call_StsCredentialsWithoutSecurityToken_IsRefusedWithInvalidSecurityTokenMalFormed()
    {
        await using var h = await Harness.StartAsync();
        var session = h.State.IssueSession(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoRoleArn, TimeSpan.FromHours(1));
        var call = RawV3.Bandwidth("v3-sts-no-token").Sign(h.Emulator.Endpoint, session.AccessKeyId, session.AccessKeySecret);

        var answer = await call.CodeAsync(h.Emulator.Endpoint);

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidSecurityToken.MalFormed"), answer);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task Call_StsCall_IsLoggedWithTheTokenMaskedAndNoAuthorization()
    {
        await using var h = await Harness.StartAsync();
        var session = h.State.IssueSession(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoRoleArn, TimeSpan.FromHours(1));
        var call = RawV3.Bandwidth("v3-logged");
        call.Headers["x-acs-security-token"] = session.SecurityToken;

        await call.Sign(h.Emulator.Endpoint, session.AccessKeyId, session.AccessKeySecret).SendAsync(h.Emulator.Endpoint);

        var entry = Assert.Single(h.State.RequestLog);
        Assert.Equal(("ModifyInstanceSpec", session.AccessKeyId, "v3-logged"), (entry.Action, entry.AccessKeyId, entry.SignatureNonce));
        Assert.Equal("***", entry.Parameters["x-acs-security-token"]);
        Assert.DoesNotContain(entry.Parameters, p => p.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            || p.Value.Contains(session.SecurityToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_NeitherV2NorV3Signature_IsRefusedWithAMessageNamingBoth()
    {
        await using var h = await Harness.StartAsync();
        var unsigned = new Dictionary<string, string>
        {
            ["Action"] = "ModifyInstanceSpec", ["Version"] = "2014-05-26", ["InstanceId"] = "i-postpaid-running-01", ["InternetMaxBandwidthOut"] = "20",
        };

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", unsigned);

        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), (status, body.GetProperty("Code").GetString()));
        var message = body.GetProperty("Message").GetString();
        Assert.Contains("neither a V2 signature (the Signature", message, StringComparison.Ordinal);
        Assert.Contains("nor a V3 Authorization header", message, StringComparison.Ordinal);
        Assert.Empty(h.State.Changes);
    }
}
