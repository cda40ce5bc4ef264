using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>When a type change shows in DescribeInstances: after the apply delay, and a subscription downgrade after the next start.</summary>
public sealed class ResizeVisibilityTests
{
    [Fact]
    public async Task PayAsYouGoTypeChange_ShowsInDescribeInstancesOnlyAfterTheApplyDelay()
    {
        await using var h = await Harness.StartAsync(o => o.ApplyDelay = TimeSpan.FromSeconds(8));
        await h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-resize-postpaid-01" });
        h.Time.Advance(TimeSpan.FromSeconds(5));

        await h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-resize-postpaid-01", InstanceType = "ecs.g6.xlarge" });
        h.Time.Advance(TimeSpan.FromSeconds(7));
        var before = await Describe.StatusAndTypeAsync(h, "i-resize-postpaid-01");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await Describe.StatusAndTypeAsync(h, "i-resize-postpaid-01");

        Assert.Equal(("Stopped", "ecs.g6.large"), before);
        Assert.Equal(("Stopped", "ecs.g6.xlarge"), after);
    }

    [Fact]
    public async Task SubscriptionDowngrade_ShowsInDescribeInstancesOnlyOnceTheNextStartHasFinished()
    {
        await using var h = await Harness.StartAsync(o => o.StartDelay = TimeSpan.FromSeconds(3));
        await h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-resize-prepaid-01" });
        h.Time.Advance(TimeSpan.FromSeconds(5));
        await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-resize-prepaid-01", "ecs.g5.large") with { OperatorType = OperatorType.Downgrade });
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var stopped = await Describe.StatusAndTypeAsync(h, "i-resize-prepaid-01");

        await h.Client.StartInstanceAsync(new StartInstanceRequest { InstanceId = "i-resize-prepaid-01" });
        var starting = await Describe.StatusAndTypeAsync(h, "i-resize-prepaid-01");
        h.Time.Advance(TimeSpan.FromSeconds(3));
        var running = await Describe.StatusAndTypeAsync(h, "i-resize-prepaid-01");

        Assert.Equal(("Stopped", "ecs.g5.xlarge"), stopped);
        Assert.Equal(("Starting", "ecs.g5.xlarge"), starting);
        Assert.Equal(("Running", "ecs.g5.large"), running);
    }

    [Fact]
    public async Task TypeChange_ToATypeSoldOutInTheZone_IsRefusedWithOperationDeniedNoStock()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsCapacityException>(() =>
            h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-stopped-01", InstanceType = "ecs.r6.large" }));

        Assert.Equal((System.Net.HttpStatusCode.Forbidden, "OperationDenied.NoStock"), (error.StatusCode, error.ErrorCode));
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task SubscriptionUpgrade_ToATypeSoldOutInTheZone_IsRefusedWithOperationDeniedNoStock()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsCapacityException>(() =>
            h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-resize-prepaid-01", "ecs.r6.xlarge")));

        Assert.Equal("OperationDenied.NoStock", error.ErrorCode);
        Assert.Empty(h.State.Orders);
    }
}
