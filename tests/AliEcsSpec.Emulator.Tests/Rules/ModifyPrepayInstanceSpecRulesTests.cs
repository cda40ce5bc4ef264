using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>The documented rules of ModifyPrepayInstanceSpec, through the real client over real HTTP.</summary>
public sealed class ModifyPrepayInstanceSpecRulesTests
{
    [Fact]
    public async Task Upgrade_RunningPrepaidInstance_CreatesOnePaidOrderAndAppliesTheTypeAfterTheDelay()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge") with
        {
            OperatorType = OperatorType.Upgrade,
            AutoPay = true,
            ClientToken = "up-1",
        });

        var order = Assert.Single(h.State.Orders);
        Assert.Equal(order.OrderId, response.OrderId);
        Assert.Equal(("i-prepaid-running-01", "up-1", "ecs.g5.large", "ecs.g5.xlarge", 280m, true),
            (order.InstanceId, order.ClientToken, order.FromInstanceType, order.ToInstanceType, order.Amount, order.Paid));
        Assert.Equal(10_000m - 280m, h.State.GetAccount(EmulatorSeed.DemoAccessKeyId)!.Balance);
        Assert.Equal("ecs.g5.large", h.State.GetInstance("i-prepaid-running-01")!.InstanceType);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("ecs.g5.xlarge", h.State.GetInstance("i-prepaid-running-01")!.InstanceType);
    }

    [Fact]
    public async Task Downgrade_RunningInstance_IsRefusedWithInvalidStatusNotStopped()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() =>
            h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.c6.large") with { OperatorType = OperatorType.Downgrade }));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidStatus.NotStopped"), (error.StatusCode, error.ErrorCode));
        Assert.Empty(h.State.Orders);
    }

    [Fact]
    public async Task Downgrade_StoppedInstance_RefundsAndAppliesOnlyOnceTheInstanceIsStarted()
    {
        await using var h = await Harness.StartAsync();

        await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-stopped-01", "ecs.g5.large") with { OperatorType = OperatorType.Downgrade });
        h.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("ecs.g5.xlarge", h.State.GetInstance("i-prepaid-stopped-01")!.InstanceType);
        h.State.StartInstance("i-prepaid-stopped-01");
        var instance = h.State.GetInstance("i-prepaid-stopped-01")!;
        Assert.Equal(("ecs.g5.large", 1), (instance.InstanceType, instance.DowngradeCount));
        Assert.Equal(10_000m + 280m, h.State.GetAccount(EmulatorSeed.DemoAccessKeyId)!.Balance);
    }

    [Fact]
    public async Task Downgrade_DueWhileRunningThenStopped_KeepsTheNewType()
    {
        await using var h = await Harness.StartAsync();
        await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-stopped-01", "ecs.g5.large") with { OperatorType = OperatorType.Downgrade });
        h.State.StartInstance("i-prepaid-stopped-01");
        h.Time.Advance(TimeSpan.FromSeconds(10));

        // Nothing reads the instance between the start and the stop: the stop itself must take the due change first.
        h.State.StopInstance("i-prepaid-stopped-01");

        var instance = h.State.GetInstance("i-prepaid-stopped-01")!;
        Assert.Equal(("ecs.g5.large", null, InstanceStatus.Stopped), (instance.InstanceType, instance.PendingInstanceType, instance.Status));
    }

    [Fact]
    public async Task Downgrade_FourthTime_IsRefusedWithInstanceDowngradeQuotaExceed()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsQuotaExceededException>(() =>
            h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-downgraded-01", "ecs.g5.large")));

        Assert.Equal("InstanceDowngrade.QuotaExceed", error.ErrorCode);
    }

    [Theory]
    [InlineData("i-postpaid-stopped-01", "ecs.g6.xlarge", typeof(EcsBillingException), 400, "InvalidBillingMethod.ValueNotSupported")]
    [InlineData("i-missing", "ecs.g5.xlarge", typeof(EcsNotFoundException), 404, "InvalidInstanceId.NotFound")]
    [InlineData("i-released-01", "ecs.g5.xlarge", typeof(EcsNotFoundException), 400, "InvalidInstanceId.Released")]
    [InlineData("i-prepaid-localdisk-01", "ecs.i2.2xlarge", typeof(EcsUnsupportedChangeException), 403, "OperationDenied.LocalDiskUnsupported")]
    [InlineData("i-prepaid-unpaid-01", "ecs.g5.xlarge", typeof(EcsBillingException), 400, "InvalidInstance.UnpaidOrder")]
    [InlineData("i-prepaid-expired-01", "ecs.g5.xlarge", typeof(EcsIncorrectInstanceStateException), 403, "IncorrectInstanceStatus")]
    [InlineData("i-prepaid-running-01", "ecs.nonexistent.type", typeof(EcsUnsupportedChangeException), 400, "InvalidInstanceType.ValueNotSupported")]
    public async Task Change_InstanceBreakingARule_IsRefusedWithTheDocumentedCode(
        string instanceId, string instanceType, Type exception, int status, string code)
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAnyAsync<EcsServiceException>(() => h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay(instanceId, instanceType)));

        Assert.IsType(exception, error);
        Assert.Equal(((HttpStatusCode)status, code), (error.StatusCode, error.ErrorCode));
        Assert.Empty(h.State.Orders);
    }

    [Fact]
    public async Task Change_UnknownRegion_IsRefusedWithInvalidRegionIdNotFound()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsNotFoundException>(() =>
            h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge") with { RegionId = "eu-central-9" }));

        Assert.Equal((HttpStatusCode.NotFound, "InvalidRegionId.NotFound"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task Change_AccountInArrears_IsRefusedWithAccountArrearage()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.ArrearsAccessKeyId, "emulator-arrears-access-key-secret");

        var error = await Assert.ThrowsAsync<EcsBillingException>(() => client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-arrears-01", "ecs.g5.xlarge")));

        Assert.Equal("Account.Arrearage", error.ErrorCode);
    }

    [Fact]
    public async Task Upgrade_InsufficientBalanceWithoutAutoPay_CreatesAnUnpaidOrderThatBlocksTheNextChange()
    {
        await using var h = await Harness.StartAsync(o => o.ChangeCooldown = TimeSpan.Zero);
        using var client = h.ClientFor(EmulatorSeed.PoorAccessKeyId, "emulator-poor-access-key-secret");

        var response = await client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-poor-prepaid-01", "ecs.g5.xlarge") with { AutoPay = false });
        var error = await Assert.ThrowsAsync<EcsBillingException>(() =>
            client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-poor-prepaid-01", "ecs.g5.2xlarge") with { AutoPay = false }));

        Assert.False(Assert.Single(h.State.Orders, o => o.OrderId == response.OrderId).Paid);
        Assert.Equal("InvalidInstance.UnpaidOrder", error.ErrorCode);
    }

    [Fact]
    public async Task SameClientToken_SameParameters_ReturnsTheOriginalOrderAndCreatesNothing()
    {
        await using var h = await Harness.StartAsync();
        var request = Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge") with { ClientToken = "idem-1" };

        var first = await h.Client.ModifyPrepayInstanceSpecAsync(request);
        var second = await h.Client.ModifyPrepayInstanceSpecAsync(request);

        Assert.Equal(first.OrderId, second.OrderId);
        Assert.Single(h.State.Orders);
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task SameClientToken_DifferentParameters_IsRefusedWithIdempotenceParamNotMatch()
    {
        await using var h = await Harness.StartAsync();
        await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge") with { ClientToken = "idem-2" });

        var error = await Assert.ThrowsAsync<EcsIdempotencyMismatchException>(() =>
            h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.2xlarge") with { ClientToken = "idem-2" }));

        Assert.Equal("IdempotenceParamNotMatch", error.ErrorCode);
        Assert.Single(h.State.Orders);
    }

    [Fact]
    public async Task OrderIdAsNumber_OlderRevisionAnswer_ReachesTheCallerAsTheSameDigits()
    {
        await using var h = await Harness.StartAsync(o => o.OrderIdAsNumber = true);

        var response = await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge"));

        Assert.Equal(Assert.Single(h.State.Orders).OrderId, response.OrderId);
    }
}
