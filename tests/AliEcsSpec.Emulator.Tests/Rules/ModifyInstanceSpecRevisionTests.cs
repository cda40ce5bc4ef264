using System.Net;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>ModifyInstanceSpec as the newer revision (003) and the older one (004) describe it, with raw requests.</summary>
public sealed class ModifyInstanceSpecRevisionTests
{
    private const string FiveMinutes = "Request was denied due to request throttling, please try again after 5 minutes.";

    [Fact]
    public async Task ModifyInstanceSpec_UnknownRegionId_IsRefusedWithInvalidRegionIdNotFound()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("RegionId", "eu-central-9"), ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "8"));

        Assert.Equal((HttpStatusCode.NotFound, "InvalidRegionId.NotFound"), answer.StatusAndCode);
    }

    [Fact]
    public async Task ModifyInstanceSpec_TemporaryWindowWithoutBandwidth_IsAcceptedAndChangesNothing()
    {
        await using var h = await Harness.StartAsync();
        var before = h.State.GetInstance("i-postpaid-running-01");

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"),
            ("Temporary.StartTime", "2026-11-23T10:00:00Z"), ("Temporary.EndTime", "2026-11-23T12:00:00Z"));

        Assert.True(answer.IsSuccess, answer.ToString());
        Assert.Equal(before, h.State.GetInstance("i-postpaid-running-01"));
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task ModifyInstanceSpec_TemporaryEndTimeWithoutStartTime_IsRefusedWithMissingTemporaryStartTime()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("Temporary.EndTime", "2026-11-23T12:00:00Z"));

        Assert.Equal((HttpStatusCode.NotFound, "MissingTemporary.StartTime"), answer.StatusAndCode);
    }

    [Fact]
    public async Task ModifyInstanceSpec_NothingToChange_SucceedsAndChangesNothing()
    {
        await using var h = await Harness.StartAsync();
        var before = h.State.GetInstance("i-postpaid-running-01");

        var nothing = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"));
        var next = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "8"));

        Assert.True(nothing.IsSuccess, nothing.ToString());
        Assert.True(next.IsSuccess, "a call that changed nothing must not start the five-minute rule: " + next);
        Assert.Equal(before! with { InternetMaxBandwidthOut = 8, LastChangeTime = Harness.Start }, h.State.GetInstance("i-postpaid-running-01"));
    }

    [Fact]
    public async Task ModifyInstanceSpec_DryRunThatWouldSucceed_AnswersDryRunOperationAndChangesNothing()
    {
        await using var h = await Harness.StartAsync();
        var dry = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.xlarge"), ("DryRun", "true"), ("ClientToken", "dry-1"));
        h.Time.Advance(TimeSpan.FromSeconds(10));
        var real = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.2xlarge"), ("ClientToken", "dry-1"));

        Assert.Equal((HttpStatusCode.BadRequest, "DryRunOperation", "Request validation has been passed with DryRun flag set."), (dry.Status, dry.Code, dry.Message));
        Assert.True(real.IsSuccess, "no cooldown and no idempotency record after a dry run: " + real);
        Assert.Equal("type ecs.g6.large -> ecs.g6.2xlarge", Assert.Single(h.State.Changes).Description);
    }

    [Fact]
    public async Task ModifyInstanceSpec_DryRunThatWouldFail_AnswersTheFailure()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InstanceType", "ecs.g6.xlarge"), ("DryRun", "True"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidInstanceStatus.NotStopped"), answer.StatusAndCode);
    }

    [Fact]
    public async Task ModifyInstanceSpec_DiskAndModifyModeParameters_AreAccepted()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("ModifyMode", "Offline"),
            ("Disk.1.DiskId", "d-1"), ("Disk.1.Category", "cloud_essd"), ("Disk.1.PerformanceLevel", "PL1"));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Fact]
    public async Task ModifyInstanceSpec_OlderRevisionDryRun_IsAParameterDocument004DoesNotHave()
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = EmulatorDocumentRevision.Older);

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "8"), ("DryRun", "maybe"));

        Assert.True(answer.IsSuccess, answer.ToString());
        Assert.Equal(8, h.State.GetInstance("i-postpaid-running-01")!.InternetMaxBandwidthOut);
    }

    [Fact]
    public async Task ModifyInstanceSpec_SecondChangeWithinFiveMinutes_IsRefusedWithTheDocumentedThrottlingMessage()
    {
        await using var h = await Harness.StartAsync();
        await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "8"));
        h.Time.Advance(TimeSpan.FromMinutes(4));

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "9"));

        Assert.Equal((HttpStatusCode.BadRequest, "Throttling", FiveMinutes), (answer.Status, answer.Code, answer.Message));
    }

    [Fact]
    public async Task RateThrottling_TokenBucketEmpty_KeepsItsOwnMessage()
    {
        await using var h = await Harness.StartAsync(o => (o.ThrottleRequestsPerSecond, o.ThrottleBurst) = (0.001, 1));
        await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "8"));

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "9"));

        Assert.Equal((HttpStatusCode.BadRequest, "Throttling", "Request was denied due to request throttling."), (answer.Status, answer.Code, answer.Message));
    }

    [Fact]
    public async Task ModifyInstanceSpec_InboundAboveTenWhileOutboundIsAtMostTen_IsRefusedWithInvalidParameterBandwidth()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthIn", "11"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter.Bandwidth", "The specified parameter Bandwidth is not valid."),
            (answer.Status, answer.Code, answer.Message));
    }

    [Fact]
    public async Task ModifyInstanceSpec_InboundUpToTheRequestedOutbound_IsAccepted()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "50"), ("InternetMaxBandwidthIn", "50"));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Fact]
    public async Task ModifyInstanceSpec_InboundAboveTheRequestedOutbound_IsRefusedWithInvalidParameterBandwidth()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "50"), ("InternetMaxBandwidthIn", "51"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter.Bandwidth"), answer.StatusAndCode);
    }

    [Fact]
    public async Task ModifyInstanceSpec_OlderRevisionInbound200_IsAccepted()
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = EmulatorDocumentRevision.Older);

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthIn", "200"));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Fact]
    public async Task ModifyInstanceSpec_OlderRevisionSecondBandwidthChangeWithinFiveMinutes_IsAllowed()
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = EmulatorDocumentRevision.Older);
        await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "8"));

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "9"));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Fact]
    public async Task ModifyInstanceSpec_OlderRevisionDowngradeWithinFiveMinutesOfADowngrade_IsRefusedWithThrottling()
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = EmulatorDocumentRevision.Older);
        h.State.PutInstance(h.State.GetInstance("i-postpaid-stopped-01")! with { InstanceType = "ecs.g6.2xlarge" });
        await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.xlarge"));
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.large"));

        Assert.Equal((HttpStatusCode.BadRequest, "Throttling", FiveMinutes), (answer.Status, answer.Code, answer.Message));
    }

    [Fact]
    public async Task ModifyInstanceSpec_OlderRevisionUpgradeWithinFiveMinutesOfADowngrade_IsAllowed()
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = EmulatorDocumentRevision.Older);
        h.State.PutInstance(h.State.GetInstance("i-postpaid-stopped-01")! with { InstanceType = "ecs.g6.xlarge" });
        await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.large"));
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.2xlarge"));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Fact]
    public async Task ModifyInstanceSpec_OlderRevisionChangeWhileATypeChangeIsApplying_IsRefusedWithInvalidStatusValueNotSupported()
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = EmulatorDocumentRevision.Older);
        await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.xlarge"));

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.2xlarge"));

        Assert.Equal((HttpStatusCode.Forbidden, "InvalidStatus.ValueNotSupported"), answer.StatusAndCode);
    }
}
