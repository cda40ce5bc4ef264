using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>StopInstance and StartInstance: their documented codes and the transitions that take time, over real HTTP.</summary>
public sealed class StopStartRulesTests
{
    [Fact]
    public async Task StopInstance_RunningInstance_IsStoppingUntilTheStopDelayThenStopped()
    {
        await using var h = await Harness.StartAsync(o => o.StopDelay = TimeSpan.FromSeconds(7));

        var response = await h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-resize-postpaid-01" });
        var stopping = await Describe.StatusAndTypeAsync(h, "i-resize-postpaid-01");
        h.Time.Advance(TimeSpan.FromSeconds(6));
        var stillStopping = (await Describe.InstanceAsync(h, "i-resize-postpaid-01")).Status;
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var stopped = await Describe.InstanceAsync(h, "i-resize-postpaid-01");

        Assert.False(response.DryRun);
        Assert.Equal(("Stopping", "Stopping"), (stopping.Status, stillStopping));
        Assert.Equal(("Stopped", "KeepCharging"), (stopped.Status, stopped.StoppedMode));
    }

    [Fact]
    public async Task StopInstance_StopCharging_IsShownAsTheStoppedMode()
    {
        await using var h = await Harness.StartAsync();

        await h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-resize-postpaid-01", StoppedMode = StoppedMode.StopCharging, ForceStop = true });
        h.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("StopCharging", (await Describe.InstanceAsync(h, "i-resize-postpaid-01")).StoppedMode);
    }

    [Theory]
    [InlineData("i-postpaid-stopped-01")]
    [InlineData("i-prepaid-stopped-01")]
    public async Task StopInstance_StoppedInstance_IsRefusedWithIncorrectInstanceStatus(string instanceId)
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() =>
            h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = instanceId }));

        Assert.Equal((HttpStatusCode.Forbidden, "IncorrectInstanceStatus"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task StopInstance_StoppingInstance_IsRefusedWithIncorrectInstanceStatus()
    {
        await using var h = await Harness.StartAsync();
        await h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-resize-postpaid-01" });

        var error = await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() =>
            h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-resize-postpaid-01" }));

        Assert.Equal("IncorrectInstanceStatus", error.ErrorCode);
    }

    [Fact]
    public async Task StopInstance_DryRunThatPasses_ReturnsADryRunResponseAndStopsNothing()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-resize-postpaid-01", DryRun = true });

        Assert.True(response.DryRun);
        Assert.Equal("Running", (await Describe.InstanceAsync(h, "i-resize-postpaid-01")).Status);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task StopInstance_DryRunOfAStoppedInstance_IsRefusedWithItsUsualError()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() =>
            h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-postpaid-stopped-01", DryRun = true }));

        Assert.Equal("IncorrectInstanceStatus", error.ErrorCode);
    }

    [Fact]
    public async Task StopInstance_SecurityLockedInstance_IsRefusedWithInstanceLockedForSecurity()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() =>
            h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-locked-01" }));

        Assert.Equal((HttpStatusCode.Forbidden, "InstanceLockedForSecurity"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task StopInstance_AccountInArrears_IsRefusedWithInstanceExpiredOrInArrears()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.ArrearsAccessKeyId, "emulator-arrears-access-key-secret");

        var error = await Assert.ThrowsAsync<EcsBillingException>(() =>
            client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-arrears-postpaid-01" }));

        Assert.Equal((HttpStatusCode.Forbidden, "InstanceExpiredOrInArrears"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task StopInstance_AnotherAccountsInstance_IsRefusedWithInvalidInstanceIdNotFound()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsNotFoundException>(() =>
            h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-arrears-postpaid-01" }));

        Assert.Equal((HttpStatusCode.NotFound, "InvalidInstanceId.NotFound"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task StopInstance_OlderRevisionLocalDisksWithoutConfirmStop_IsRefusedWithInstanceTypeParameterMismatch()
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = EmulatorDocumentRevision.Older);
        h.State.PutInstance(h.State.GetInstance("i-postpaid-localdisk-01")! with { Status = InstanceStatus.Running });

        var refused = await Assert.ThrowsAsync<EcsInvalidParameterException>(() =>
            h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-postpaid-localdisk-01" }));
        var confirmed = await h.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-postpaid-localdisk-01", ConfirmStop = true });

        Assert.Equal("InstanceType.ParameterMismatch", refused.ErrorCode);
        Assert.False(confirmed.DryRun);
    }

    [Fact]
    public async Task StopInstance_MalformedStoppedMode_IsRefusedWithInvalidParameter()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, "StopInstance", ("InstanceId", "i-resize-postpaid-01"), ("StoppedMode", "Sometimes"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), answer.StatusAndCode);
    }

    [Fact]
    public async Task StartInstance_StoppedInstance_IsStartingUntilTheStartDelayThenRunning()
    {
        await using var h = await Harness.StartAsync(o => o.StartDelay = TimeSpan.FromSeconds(4));

        await h.Client.StartInstanceAsync(new StartInstanceRequest { InstanceId = "i-postpaid-stopped-01" });
        var starting = (await Describe.InstanceAsync(h, "i-postpaid-stopped-01")).Status;
        h.Time.Advance(TimeSpan.FromSeconds(4));
        var running = await Describe.InstanceAsync(h, "i-postpaid-stopped-01");

        Assert.Equal(("Starting", "Running", "Not-applicable"), (starting, running.Status, running.StoppedMode));
    }

    [Theory]
    [InlineData("i-resize-postpaid-01")]
    [InlineData("i-prepaid-running-01")]
    public async Task StartInstance_RunningInstance_IsRefusedWithIncorrectInstanceStatus(string instanceId)
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() =>
            h.Client.StartInstanceAsync(new StartInstanceRequest { InstanceId = instanceId }));

        Assert.Equal((HttpStatusCode.Forbidden, "IncorrectInstanceStatus"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task StartInstance_ExpiredSubscription_IsRefusedWithInstanceExpired()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsBillingException>(() =>
            h.Client.StartInstanceAsync(new StartInstanceRequest { InstanceId = "i-prepaid-expired-01" }));

        Assert.Equal((HttpStatusCode.Forbidden, "InstanceExpired"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task StartInstance_StoppedInEconomicalModeWithItsTypeSoldOut_IsRefusedWithOperationDeniedNoStock()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsCapacityException>(() =>
            h.Client.StartInstanceAsync(new StartInstanceRequest { InstanceId = "i-economical-01" }));

        Assert.Equal((HttpStatusCode.Forbidden, "OperationDenied.NoStock"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task StartInstance_DryRunThatPasses_ReturnsADryRunResponseAndStartsNothing()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.StartInstanceAsync(new StartInstanceRequest { InstanceId = "i-postpaid-stopped-01", DryRun = true });

        Assert.True(response.DryRun);
        Assert.Equal("Stopped", (await Describe.InstanceAsync(h, "i-postpaid-stopped-01")).Status);
    }

    [Fact]
    public async Task StartInstance_SecurityLockedInstance_IsRefusedWithInstanceLockedForSecurity()
    {
        await using var h = await Harness.StartAsync();
        h.State.PutInstance(h.State.GetInstance("i-locked-01")! with { Status = InstanceStatus.Stopped });

        var error = await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() =>
            h.Client.StartInstanceAsync(new StartInstanceRequest { InstanceId = "i-locked-01" }));

        Assert.Equal("InstanceLockedForSecurity", error.ErrorCode);
    }
}
