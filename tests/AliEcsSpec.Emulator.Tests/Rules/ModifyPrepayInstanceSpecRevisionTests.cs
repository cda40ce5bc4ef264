using System.Net;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>ModifyPrepayInstanceSpec as the newer revision (001/002) and the older one (000) describe it.</summary>
public sealed class ModifyPrepayInstanceSpecRevisionTests
{
    private static Action<EcsEmulatorOptions> Older => o => o.DocumentRevision = EmulatorDocumentRevision.Older;

    [Fact]
    public async Task ModifyPrepayInstanceSpec_NewerRevisionDowngradeWithoutOperatorType_IsWorkedOut()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.g5.large"));

        Assert.True(answer.IsSuccess, answer.ToString());
        Assert.Equal(-280m, Assert.Single(h.State.Orders).Amount);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_OlderRevisionDowngradeWithoutOperatorType_IsRefusedAsAnUpgradeMismatch()
    {
        await using var h = await Harness.StartAsync(Older);

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.g5.large"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), answer.StatusAndCode);
        Assert.StartsWith("OperatorType upgrade", answer.Message, StringComparison.Ordinal);
        Assert.Empty(h.State.Orders);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_NewerRevisionUpgradeOnceTheLastHasApplied_IsAllowedWithinFiveMinutes()
    {
        await using var h = await Harness.StartAsync();
        await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge"));
        h.Time.Advance(TimeSpan.FromSeconds(10));

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.2xlarge"));

        Assert.True(answer.IsSuccess, answer.ToString());
        Assert.Equal(2, h.State.Orders.Count);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_NewerRevisionChangeWhileTheLastIsApplying_IsRefusedWithLastOrderProcessing()
    {
        await using var h = await Harness.StartAsync();
        await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge"));
        h.Time.Advance(TimeSpan.FromSeconds(4));

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.2xlarge"));

        Assert.Equal((HttpStatusCode.BadRequest, "LastOrderProcessing", "The previous order is still processing, please try again later."),
            (answer.Status, answer.Code, answer.Message));
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_NewerRevisionUpgradeAfterADowngradeWaitingForTheStart_IsAllowedAndWinsAtTheStart()
    {
        await using var h = await Harness.StartAsync();
        await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.g5.large", ("OperatorType", "downgrade")));
        h.Time.Advance(TimeSpan.FromSeconds(10));

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.g5.2xlarge", ("OperatorType", "upgrade")));
        h.Time.Advance(TimeSpan.FromSeconds(10));
        h.State.StartInstance("i-prepaid-stopped-01");

        Assert.True(answer.IsSuccess, answer.ToString());
        Assert.Equal([-280m, 840m], h.State.Orders.Select(o => o.Amount));
        Assert.Equal("ecs.g5.2xlarge", h.State.GetInstance("i-prepaid-stopped-01")!.InstanceType);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_OlderRevisionChangeWithinFiveMinutesOfADowngrade_IsRefusedWithThrottling()
    {
        await using var h = await Harness.StartAsync(Older);
        await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.g5.large", ("OperatorType", "downgrade")));
        h.Time.Advance(TimeSpan.FromMinutes(4));

        var refused = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.g5.2xlarge"));
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var allowed = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.g5.2xlarge"));

        Assert.Equal((HttpStatusCode.BadRequest, "Throttling", "You have made too many requests within a short time; your request is denied due to request throttling."),
            (refused.Status, refused.Code, refused.Message));
        Assert.True(allowed.IsSuccess, allowed.ToString());
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_OlderRevisionSecondUpgradeWithinFiveMinutes_IsAllowed()
    {
        await using var h = await Harness.StartAsync(Older);
        await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.g5.2xlarge"));
        h.Time.Advance(TimeSpan.FromSeconds(10));

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.i2.2xlarge"));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_OlderRevisionUpgradeOfARunningInstance_IsRefusedWithInvalidStatusNotStopped()
    {
        await using var h = await Harness.StartAsync(Older);

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidStatus.NotStopped", "Instance status must be stopped."), (answer.Status, answer.Code, answer.Message));
        Assert.Empty(h.State.Orders);
    }

    [Theory]
    [InlineData(EmulatorDocumentRevision.Newer)]
    [InlineData(EmulatorDocumentRevision.Older)]
    public async Task ModifyPrepayInstanceSpec_UpgradeWithAutoPayAndTooLittleBalance_CreatesAnAbnormalOrderAndChangesNothing(EmulatorDocumentRevision revision)
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = revision);
        var all = RawRpc.Common(Wire.Prepay, h.Time.GetUtcNow(), Guid.NewGuid().ToString());
        all["AccessKeyId"] = EmulatorSeed.PoorAccessKeyId;
        foreach (var (name, value) in Wire.PrepayOf("i-poor-prepaid-01", "ecs.g5.xlarge", ("AutoPay", "true")))
        {
            all[name] = value;
        }

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", all, "emulator-poor-access-key-secret"));
        h.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, status);
        var order = Assert.Single(h.State.Orders);
        Assert.Equal(order.OrderId, body.GetProperty("OrderId").GetString());
        Assert.Equal((true, false), (order.Abnormal, order.Paid));
        Assert.Equal("ecs.g5.large", h.State.GetInstance("i-poor-prepaid-01")!.InstanceType);
        Assert.Null(h.State.GetInstance("i-poor-prepaid-01")!.PendingInstanceType);
        Assert.Equal(0m, h.State.GetAccount(EmulatorSeed.PoorAccessKeyId)!.Balance);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_DryRun_IsNotDocumentedThereAndChangesTheInstanceAsBefore()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge", ("DryRun", "true")));

        Assert.True(answer.IsSuccess, answer.ToString());
        Assert.Single(h.State.Orders);
    }
}
