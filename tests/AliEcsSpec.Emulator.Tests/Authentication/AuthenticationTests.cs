using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Emulator.Tests.Authentication;

/// <summary>The emulator authenticates every request as the service does, with the documented codes and statuses.</summary>
public sealed class AuthenticationTests
{
    private static Dictionary<string, string> Bandwidth(DateTimeOffset now, string nonce)
    {
        var parameters = RawRpc.Common("ModifyInstanceSpec", now, nonce);
        parameters["InstanceId"] = "i-postpaid-running-01";
        parameters["InternetMaxBandwidthOut"] = "20";
        return parameters;
    }

    [Fact]
    public async Task Call_WrongSecret_IsRefusedWithSignatureDoesNotMatch()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.DemoAccessKeyId, "not-the-secret");

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() =>
            client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20 }));

        Assert.Equal((HttpStatusCode.BadRequest, "SignatureDoesNotMatch"), (error.StatusCode, error.ErrorCode));
        Assert.Contains("server string to sign is:POST&%2F&AccessKeyId", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task Call_UnknownAccessKey_IsRefusedWithInvalidAccessKeyIdNotFound()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor("no-such-key", "whatever");

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() =>
            client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20 }));

        Assert.Equal((HttpStatusCode.NotFound, "InvalidAccessKeyId.NotFound"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task Call_ClientClockSixteenMinutesAhead_IsRefusedWithInvalidTimeStampExpired()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoAccessKeySecret, new FakeTimeProvider(Harness.Start.AddMinutes(16)));

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() =>
            client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20 }));

        Assert.Equal("InvalidTimeStamp.Expired", error.ErrorCode);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task Call_ClientClockFourteenMinutesBehind_IsAccepted()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoAccessKeySecret, new FakeTimeProvider(Harness.Start.AddMinutes(-14)));

        await client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20 });

        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task Raw_ReusedNonceWithinFifteenMinutes_IsRefusedWithSignatureNonceUsed()
    {
        await using var h = await Harness.StartAsync(o => o.ChangeCooldown = TimeSpan.Zero);
        var (first, _) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", Bandwidth(Harness.Start, "nonce-1")));

        var (second, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", Bandwidth(Harness.Start, "nonce-1")));
        h.Time.Advance(TimeSpan.FromMinutes(16));
        var (later, _) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", Bandwidth(Harness.Start.AddMinutes(16), "nonce-1")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK), (first, second, later));
        Assert.Equal("SignatureNonceUsed", body.GetProperty("Code").GetString());
    }

    [Theory]
    [InlineData("Signature")]
    [InlineData("SignatureNonce")]
    [InlineData("Timestamp")]
    [InlineData("AccessKeyId")]
    public async Task Raw_MissingCommonParameter_IsRefusedWithMissingParameter(string parameter)
    {
        await using var h = await Harness.StartAsync();
        var parameters = RawRpc.Signed("POST", Bandwidth(Harness.Start, "n"));
        parameters.Remove(parameter);

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", parameters);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MissingParameter", body.GetProperty("Code").GetString());
        Assert.Contains(parameter, body.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_UnsupportedSignatureMethod_IsRefusedWithIncompleteSignature()
    {
        await using var h = await Harness.StartAsync();
        var parameters = Bandwidth(Harness.Start, "n");
        parameters["SignatureMethod"] = "HMAC-SHA256";

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", parameters));

        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), (status, body.GetProperty("Code").GetString()));
    }

    [Fact]
    public async Task Raw_GetWithSignedQuery_IsAccepted()
    {
        await using var h = await Harness.StartAsync();

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "GET", RawRpc.Signed("GET", Bandwidth(Harness.Start, "get-1")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("RequestId").GetString()));
        Assert.Equal(20, h.State.GetInstance("i-postpaid-running-01")!.InternetMaxBandwidthOut);
    }

    [Fact]
    public async Task Raw_NonAsciiClientToken_IsRefusedWithInvalidClientTokenValueNotSupported()
    {
        await using var h = await Harness.StartAsync();
        var parameters = Bandwidth(Harness.Start, "n");
        parameters["ClientToken"] = "令牌";

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", parameters));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidClientToken.ValueNotSupported"), (status, body.GetProperty("Code").GetString()));
    }

    [Fact]
    public async Task Raw_FormValueWithPercentEncodedNul_IsDecodedAndAnsweredByTheRulesNotWithInternalError()
    {
        await using var h = await Harness.StartAsync();
        var parameters = Bandwidth(Harness.Start, "n");
        parameters["InstanceId"] = "i-postpaid\0-running-01";

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", parameters));

        Assert.Equal((HttpStatusCode.NotFound, "InvalidInstanceId.NotFound"), (status, body.GetProperty("Code").GetString()));
        Assert.Equal("i-postpaid\0-running-01", h.State.RequestLog[^1].Parameters["InstanceId"]);
    }

    [Fact]
    public async Task Raw_TemporaryBandwidthWithoutStartTime_IsRefusedWithMissingTemporaryStartTime()
    {
        await using var h = await Harness.StartAsync();
        var parameters = RawRpc.Call(
            "ModifyInstanceSpec",
            ("InstanceId", "i-postpaid-running-01"), ("Temporary.InternetMaxBandwidthOut", "50"), ("Temporary.EndTime", "2026-11-23T10:00:00Z"));

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", parameters));

        Assert.Equal((HttpStatusCode.NotFound, "MissingTemporary.StartTime"), (status, body.GetProperty("Code").GetString()));
    }

    [Fact]
    public async Task Raw_TypeAndBandwidthInOneCall_IsRefusedWithInvalidParameterMismatch()
    {
        await using var h = await Harness.StartAsync();
        var parameters = Bandwidth(Harness.Start, "n");
        parameters["InstanceType"] = "ecs.g6.xlarge";

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", parameters));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter.Mismatch"), (status, body.GetProperty("Code").GetString()));
        Assert.Equal("ecs.aliyuncs.com", body.GetProperty("HostId").GetString());
    }
}
