using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>The rules the client's own validation would stop before sending, checked with raw requests, and the rest.</summary>
public sealed class MoreRulesTests
{
    private static Dictionary<string, string> Spec(params (string Name, string Value)[] parameters) =>
        RawRpc.Signed("POST", RawRpc.Call("ModifyInstanceSpec", parameters));

    [Theory]
    [InlineData("InternetMaxBandwidthOut", "101", 400, "InvalidParameter")]
    [InlineData("InternetMaxBandwidthOut", "-1", 400, "InvalidParameter")]
    [InlineData("InternetMaxBandwidthIn", "0", 400, "InvalidParameter.Bandwidth")]
    [InlineData("InternetMaxBandwidthIn", "201", 400, "InvalidParameter.Bandwidth")]
    public async Task Raw_BandwidthOutOfRange_IsRefusedWithTheDocumentedCode(string name, string value, int status, string code)
    {
        await using var h = await Harness.StartAsync();

        var (answer, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", Spec(("InstanceId", "i-postpaid-running-01"), (name, value)));

        Assert.Equal(((HttpStatusCode)status, code), (answer, body.GetProperty("Code").GetString()));
    }

    [Theory]
    [InlineData("2026-11-23T10:00:00Z", null, 404, "MissingTemporary.EndTime")]
    [InlineData("yesterday", "2026-11-23T10:00:00Z", 400, "InvalidTemporary.StartTime")]
    [InlineData("2026-11-23T10:00:00Z", "2026-11-23T09:00:00Z", 400, "InvalidTemporary.EndTime")]
    public async Task Raw_BadTemporaryTimes_AreRefusedWithTheDocumentedCode(string start, string? end, int status, string code)
    {
        await using var h = await Harness.StartAsync();
        var parameters = new List<(string, string)> { ("InstanceId", "i-postpaid-running-01"), ("Temporary.InternetMaxBandwidthOut", "50"), ("Temporary.StartTime", start) };
        if (end is not null)
        {
            parameters.Add(("Temporary.EndTime", end));
        }

        var (answer, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", Spec([.. parameters]));

        Assert.Equal(((HttpStatusCode)status, code), (answer, body.GetProperty("Code").GetString()));
    }

    [Fact]
    public async Task Raw_ClientTokenOver64Characters_IsRefusedOnModifyPrepayInstanceSpec()
    {
        await using var h = await Harness.StartAsync();
        var parameters = RawRpc.Call(
            "ModifyPrepayInstanceSpec",
            ("RegionId", "cn-hangzhou"), ("InstanceId", "i-prepaid-running-01"), ("InstanceType", "ecs.g5.xlarge"), ("ClientToken", new string('a', 65)));

        var (answer, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", parameters));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidClientToken.ValueNotSupported"), (answer, body.GetProperty("Code").GetString()));
    }

    [Theory]
    [InlineData("i-released-01", null)]
    [InlineData("i-arrears-postpaid-01", null)]
    [InlineData("i-postpaid-running-01", "cn-shanghai")]
    public async Task ModifyInstanceSpec_ReleasedForeignOrOtherRegionInstance_IsNotFound(string instanceId, string? regionId)
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsNotFoundException>(() => h.Client.ModifyInstanceSpecAsync(
            new ModifyInstanceSpecRequest { InstanceId = instanceId, RegionId = regionId, InternetMaxBandwidthOut = 10 }));

        Assert.Equal((HttpStatusCode.NotFound, "InvalidInstanceId.NotFound"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task ModifyInstanceSpec_AccountInArrears_IsRefusedWithAccountArrearage()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.ArrearsAccessKeyId, "emulator-arrears-access-key-secret");

        var error = await Assert.ThrowsAsync<EcsBillingException>(() => client.ModifyInstanceSpecAsync(
            new ModifyInstanceSpecRequest { InstanceId = "i-arrears-postpaid-01", InternetMaxBandwidthOut = 10 }));

        Assert.Equal("Account.Arrearage", error.ErrorCode);
    }

    [Fact]
    public async Task ModifyInstanceSpec_SameClientTokenOtherParameters_IsRefusedWithIdempotenceParamNotMatch()
    {
        await using var h = await Harness.StartAsync();
        await h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 10, ClientToken = "t" });

        var error = await Assert.ThrowsAsync<EcsIdempotencyMismatchException>(() => h.Client.ModifyInstanceSpecAsync(
            new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 11, ClientToken = "t" }));

        Assert.Equal("There is a idempotence signature mismatch between this and last request.", error.ServiceMessage);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_SameTypeAsNow_IsRefusedAsNotSupported()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsUnsupportedChangeException>(() =>
            h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.large")));

        Assert.Equal("InvalidInstanceType.ValueNotSupported", error.ErrorCode);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_ChangeNotYetApplied_IsStillProcessingEvenWithoutACooldown()
    {
        await using var h = await Harness.StartAsync(o => o.ChangeCooldown = TimeSpan.Zero);
        await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge"));

        var error = await Assert.ThrowsAsync<EcsThrottlingException>(() =>
            h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.2xlarge")));

        Assert.Equal("LastOrderProcessing", error.ErrorCode);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task Upgrade_WithoutAutoPay_AppliesOnlyOnceTheOrderIsPaid()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.PoorAccessKeyId, "emulator-poor-access-key-secret");

        await client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-poor-prepaid-01", "ecs.g5.xlarge") with { AutoPay = false });
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var unpaid = h.State.GetInstance("i-poor-prepaid-01")!.InstanceType;
        h.State.PayOrders("i-poor-prepaid-01");
        h.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(("ecs.g5.large", "ecs.g5.xlarge"), (unpaid, h.State.GetInstance("i-poor-prepaid-01")!.InstanceType));
        Assert.True(Assert.Single(h.State.Orders).Paid);
    }

    [Fact]
    public async Task SixteenConcurrentCallers_SameClientToken_CreateExactlyOneOrderAndAllGetItsId()
    {
        await using var h = await Harness.StartAsync();
        var request = Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge") with { ClientToken = "concurrent-1" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => h.Client.ModifyPrepayInstanceSpecAsync(request))));

        var order = Assert.Single(h.State.Orders);
        Assert.All(responses, r => Assert.Equal(order.OrderId, r.OrderId));
        Assert.Single(h.State.Changes);
    }
}
