using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>The documented rules of ModifyInstanceSpec, through the real client over real HTTP.</summary>
public sealed class ModifyInstanceSpecRulesTests
{
    [Fact]
    public async Task TypeChange_StoppedPayAsYouGoInstance_AppliesAfterTheDelayWithoutAnOrder()
    {
        await using var h = await Harness.StartAsync(o => o.ApplyDelay = TimeSpan.FromSeconds(8));

        await h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-stopped-01", InstanceType = "ecs.g6.xlarge" });
        h.Time.Advance(TimeSpan.FromSeconds(7));
        var before = h.State.GetInstance("i-postpaid-stopped-01")!.InstanceType;
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(("ecs.g6.large", "ecs.g6.xlarge"), (before, h.State.GetInstance("i-postpaid-stopped-01")!.InstanceType));
        Assert.Empty(h.State.Orders);
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task TypeChange_RunningInstance_IsRefusedWithInvalidInstanceStatusNotStopped()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() =>
            h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InstanceType = "ecs.g6.xlarge" }));

        Assert.Equal("InvalidInstanceStatus.NotStopped", error.ErrorCode);
    }

    [Fact]
    public async Task BandwidthChange_RunningInstance_AppliesAtOnce()
    {
        await using var h = await Harness.StartAsync();

        await h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
        {
            InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 50, InternetMaxBandwidthIn = 40,
        });

        var instance = h.State.GetInstance("i-postpaid-running-01")!;
        Assert.Equal((50, 40), (instance.InternetMaxBandwidthOut, instance.InternetMaxBandwidthIn));
    }

    [Fact]
    public async Task BandwidthChange_ToTheCurrentValue_IsRecordedAsAChangeForItsClientToken()
    {
        await using var h = await Harness.StartAsync();
        var current = h.State.GetInstance("i-postpaid-running-01")!.InternetMaxBandwidthOut;

        await h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
        {
            InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = current, ClientToken = "same-bw",
        });

        Assert.Equal("same-bw", Assert.Single(h.State.Changes).ClientToken);
    }

    [Fact]
    public async Task TemporaryBandwidth_InstanceWithoutEip_IsRecordedInUtc()
    {
        await using var h = await Harness.StartAsync();

        await h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
        {
            InstanceId = "i-postpaid-running-01",
            TemporaryStartTime = Harness.Start.AddHours(1),
            TemporaryEndTime = Harness.Start.AddHours(3),
            TemporaryInternetMaxBandwidthOut = 80,
        });

        Assert.Equal(new TemporaryBandwidth(Harness.Start.AddHours(1), Harness.Start.AddHours(3), 80),
            h.State.GetInstance("i-postpaid-running-01")!.TemporaryBandwidth);
    }

    [Fact]
    public async Task TemporaryBandwidth_InstanceWithEip_IsRefusedWithBandwidthUpgradeDenied()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsUnsupportedChangeException>(() => h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
        {
            InstanceId = "i-postpaid-eip-01",
            TemporaryStartTime = Harness.Start.AddHours(1),
            TemporaryEndTime = Harness.Start.AddHours(2),
            TemporaryInternetMaxBandwidthOut = 20,
        }));

        Assert.Equal("BandwidthUpgradeDenied.EipBoundInstance", error.ErrorCode);
    }

    [Theory]
    [InlineData("i-prepaid-stopped-01", "ecs.g5.2xlarge", typeof(EcsBillingException), 403, "ChargeTypeViolation")]
    [InlineData("i-postpaid-localdisk-01", "ecs.i2.2xlarge", typeof(EcsUnsupportedChangeException), 403, "CategoryViolation")]
    [InlineData("i-nope", "ecs.g6.xlarge", typeof(EcsNotFoundException), 404, "InvalidInstanceId.NotFound")]
    [InlineData("i-postpaid-stopped-01", "ecs.unknown", typeof(EcsUnsupportedChangeException), 400, "InvalidInstanceType.ValueNotSupported")]
    public async Task TypeChange_InstanceBreakingARule_IsRefusedWithTheDocumentedCode(
        string instanceId, string instanceType, Type exception, int status, string code)
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAnyAsync<EcsServiceException>(() =>
            h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = instanceId, InstanceType = instanceType }));

        Assert.IsType(exception, error);
        Assert.Equal(((HttpStatusCode)status, code), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task SecondChange_WithinFiveMinutes_IsThrottledAndNotRetried()
    {
        await using var h = await Harness.StartAsync();
        await h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20 });

        var error = await Assert.ThrowsAsync<EcsThrottlingException>(() =>
            h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 30 }));

        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal("Request was denied due to request throttling, please try again after 5 minutes.", error.ServiceMessage);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task SameClientToken_Replayed_ChangesTheInstanceOnce()
    {
        await using var h = await Harness.StartAsync();
        var request = new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20, ClientToken = "bw-1" };

        await h.Client.ModifyInstanceSpecAsync(request);
        var replay = await h.Client.ModifyInstanceSpecAsync(request);

        Assert.Equal("bw-1", replay.ClientToken);
        Assert.Single(h.State.Changes);
    }
}
