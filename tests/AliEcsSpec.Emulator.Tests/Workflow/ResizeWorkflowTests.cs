using AliEcsSpec.Client;
using AliEcsSpec.Client.Workflow;
using AliEcsSpec.Emulator.Tests.Support;
using static AliEcsSpec.Client.Workflow.ResizeStepKind;
using static AliEcsSpec.Client.Workflow.ResizeStepState;

namespace AliEcsSpec.Emulator.Tests.Workflow;

/// <summary>ResizeInstanceAsync against the emulator over HTTP, on a fake clock: each path through the steps.</summary>
public sealed class ResizeWorkflowTests
{
    [Fact]
    public async Task Resize_StoppedPayAsYouGoUpgrade_ChangesWithModifyInstanceSpecAndLeavesItStopped()
    {
        await using var h = await Harness.StartAsync();

        var (result, _) = await h.ResizeAsync(WorkflowHarness.Resize("i-postpaid-stopped-01", "ecs.g6.xlarge"));

        Assert.Equal(
            [(ResizeStepKind.Describe, Completed), (CheckOffer, Completed), (ChooseOperation, Completed), (Stop, Skipped), (Change, Completed), (WaitForType, Completed), (Start, Skipped)],
            result.Outline());
        Assert.Equal(("ecs.g6.large", "ecs.g6.xlarge", "Stopped", "Stopped"), (result.TypeBefore, result.TypeAfter, result.StatusBefore, result.StatusAfter));
        Assert.Equal(("ModifyInstanceSpec", OperatorType.Upgrade, true, null), (result.Operation, result.Direction, result.Changed, result.OrderId));
        var change = Assert.Single(h.State.Changes);
        Assert.Equal(result.Steps.Single(s => s.Kind == Change).ClientToken, change.ClientToken);
        Assert.Equal(("ecs.g6.xlarge", "Stopped"), await TypeAndStatusAsync(h, "i-postpaid-stopped-01"));
    }

    [Fact]
    public async Task Resize_RunningPayAsYouGoWithAllowStop_StopsChangesWaitsAndStartsAgain()
    {
        await using var h = await Harness.StartAsync();

        var (result, reported) = await h.ResizeAsync(WorkflowHarness.Resize("i-postpaid-running-01", "ecs.g6.xlarge") with { AllowStop = true });

        Assert.Equal(
            [(ResizeStepKind.Describe, Completed), (CheckOffer, Completed), (ChooseOperation, Completed), (Stop, Completed), (Change, Completed), (WaitForType, Completed), (Start, Completed)],
            result.Outline());
        Assert.Equal(("ecs.g6.large", "ecs.g6.xlarge", "Running", "Running"), (result.TypeBefore, result.TypeAfter, result.StatusBefore, result.StatusAfter));
        Assert.Equal(("ecs.g6.xlarge", "Running"), await TypeAndStatusAsync(h, "i-postpaid-running-01"));
        Assert.Equal(result.Steps.Count, reported.Count(s => s.State != Started) );
        Assert.All(result.Steps.Where(s => s.Kind is Stop or WaitForType or Start), s => Assert.True(s.Duration > TimeSpan.Zero, $"{s.Kind} took no time"));
        Assert.Equal(["DescribeInstances", "DescribeResourcesModification", "StopInstance", "ModifyInstanceSpec", "StartInstance"], ActionsOnce(h));
    }

    [Fact]
    public async Task Resize_RunningPayAsYouGoWithoutAllowStop_FailsWithNeedsStopBeforeAnyChange()
    {
        await using var h = await Harness.StartAsync();

        var error = await h.ResizeFailsAsync<ResizeNeedsStopException>(WorkflowHarness.Resize("i-postpaid-running-01", "ecs.g6.xlarge"));

        Assert.Equal(("ModifyInstanceSpec", "Running", false), (error.Operation, error.InstanceLeftIn, error.LeftStoppedByResize));
        Assert.Contains("set AllowStop", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed: the instance is Running with type ecs.g6.large.", error.Message, StringComparison.Ordinal);
        Assert.Equal((Stop, Failed), (error.Steps[^1].Kind, error.Steps[^1].State));
        Assert.Empty(h.State.Changes);
        Assert.DoesNotContain(h.State.RequestLog, e => e.Action is "StopInstance" or "ModifyInstanceSpec");
    }

    [Fact]
    public async Task Resize_RunningPrepaidUpgrade_ChangesWithoutStoppingAndReturnsTheOrder()
    {
        await using var h = await Harness.StartAsync();

        var (result, _) = await h.ResizeAsync(WorkflowHarness.Resize("i-prepaid-running-01", "ecs.g5.xlarge"));

        Assert.Equal(
            [(ResizeStepKind.Describe, Completed), (CheckOffer, Completed), (ChooseOperation, Completed), (Stop, Skipped), (Change, Completed), (WaitForType, Completed), (Start, Skipped)],
            result.Outline());
        var order = Assert.Single(h.State.Orders);
        Assert.Equal((order.OrderId, "ModifyPrepayInstanceSpec", OperatorType.Upgrade), (result.OrderId, result.Operation, result.Direction));
        Assert.Equal(result.Steps.Single(s => s.Kind == Change).ClientToken, order.ClientToken);
        Assert.Equal(("ecs.g5.xlarge", "Running"), await TypeAndStatusAsync(h, "i-prepaid-running-01"));
    }

    [Fact]
    public async Task Resize_RunningPrepaidUpgradeUnderTheOlderRevision_StopsWhenRefusedAndSendsTheSameChangeAgain()
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = EmulatorDocumentRevision.Older);

        var (result, _) = await h.ResizeAsync(WorkflowHarness.Resize("i-prepaid-running-01", "ecs.g5.xlarge") with { AllowStop = true });

        Assert.Equal(
            [(ResizeStepKind.Describe, Completed), (CheckOffer, Completed), (ChooseOperation, Completed), (Stop, Skipped), (Change, Failed), (Stop, Completed), (Change, Completed), (WaitForType, Completed), (Start, Completed)],
            result.Outline());
        var sent = h.State.RequestLog.Where(e => e.Action == "ModifyPrepayInstanceSpec").ToList();
        Assert.Equal(2, sent.Count);
        Assert.Single(sent.Select(e => e.ClientToken).Distinct());
        Assert.Single(h.State.Orders);
        Assert.Equal(("ecs.g5.xlarge", "Running"), await TypeAndStatusAsync(h, "i-prepaid-running-01"));
    }

    [Fact]
    public async Task Resize_RunningPrepaidDowngradeWithAllowStop_StartsBeforeTheNewTypeShows()
    {
        await using var h = await Harness.StartAsync();

        var (result, _) = await h.ResizeAsync(WorkflowHarness.Resize("i-prepaid-running-02", "ecs.g5.large") with { AllowStop = true });

        Assert.Equal(
            [(ResizeStepKind.Describe, Completed), (CheckOffer, Completed), (ChooseOperation, Completed), (Stop, Completed), (Change, Completed), (Start, Completed), (WaitForType, Completed)],
            result.Outline());
        Assert.Equal((OperatorType.Downgrade, "ecs.g5.large", "Running"), (result.Direction, result.TypeAfter, result.StatusAfter));
        Assert.Single(h.State.Orders);
        Assert.Contains("downgrade", h.State.RequestLog.Single(e => e.Action == "ModifyPrepayInstanceSpec").Parameters["OperatorType"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resize_StoppedPrepaidDowngradeWithRestartAfterOff_LeavesItStoppedWithTheTypePendingUntilTheNextStart()
    {
        await using var h = await Harness.StartAsync();

        var (result, _) = await h.ResizeAsync(WorkflowHarness.Resize("i-prepaid-stopped-01", "ecs.g5.large") with { RestartAfter = false });

        Assert.Equal((Start, Skipped), (result.Steps[^2].Kind, result.Steps[^2].State));
        Assert.Equal((WaitForType, Skipped), (result.Steps[^1].Kind, result.Steps[^1].State));
        Assert.Equal(("ecs.g5.xlarge", "ecs.g5.xlarge", "Stopped", true), (result.TypeBefore, result.TypeAfter, result.StatusAfter, result.Changed));
        Assert.Single(h.State.Orders);
    }

    [Fact]
    public async Task Resize_AlreadyTheTarget_DescribesOnlyAndChangesNothing()
    {
        await using var h = await Harness.StartAsync();

        var (result, _) = await h.ResizeAsync(WorkflowHarness.Resize("i-postpaid-running-01", "ecs.g6.large"));

        Assert.Equal(
            [(ResizeStepKind.Describe, Completed), (CheckOffer, Skipped), (ChooseOperation, Skipped), (Stop, Skipped), (Change, Skipped), (WaitForType, Skipped), (Start, Skipped)],
            result.Outline());
        Assert.False(result.Changed);
        Assert.Equal(["DescribeInstances"], ActionsOnce(h));
    }

    [Fact]
    public async Task Resize_PlanOnly_RunsTheFirstThreeStepsAndDryRunsAndChangesNothing()
    {
        await using var h = await Harness.StartAsync();

        var (result, _) = await h.ResizeAsync(WorkflowHarness.Resize("i-postpaid-running-01", "ecs.g6.xlarge") with { AllowStop = true, PlanOnly = true });

        Assert.Equal(
            [(ResizeStepKind.Describe, Completed), (CheckOffer, Completed), (ChooseOperation, Completed), (Stop, Planned), (Change, Planned), (WaitForType, Planned), (Start, Planned)],
            result.Outline());
        Assert.True(result.PlanOnly);
        Assert.False(result.Changed);
        Assert.Empty(h.State.Changes);
        Assert.Equal("true", h.State.RequestLog.Single(e => e.Action == "StopInstance").Parameters["DryRun"]);
        Assert.Equal(("ecs.g6.large", "Running"), await TypeAndStatusAsync(h, "i-postpaid-running-01"));
    }

    [Fact]
    public async Task Resize_PlanOnlyOfAStoppedPayAsYouGo_DryRunsTheChangeWithItsClientToken()
    {
        await using var h = await Harness.StartAsync();

        var (result, _) = await h.ResizeAsync(WorkflowHarness.Resize("i-postpaid-stopped-01", "ecs.g6.xlarge") with { PlanOnly = true });

        var change = result.Steps.Single(s => s.Kind == Change);
        Assert.Equal(Planned, change.State);
        var sent = h.State.RequestLog.Single(e => e.Action == "ModifyInstanceSpec");
        Assert.Equal(("true", change.ClientToken), (sent.Parameters["DryRun"], sent.Parameters["ClientToken"]));
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task Resize_UnknownInstance_FailsWithNotFoundAndNoOtherStep()
    {
        await using var h = await Harness.StartAsync();

        var error = await h.ResizeFailsAsync<ResizeInstanceNotFoundException>(WorkflowHarness.Resize("i-does-not-exist", "ecs.g6.xlarge"));

        Assert.Null(error.InstanceLeftIn);
        Assert.Contains("This resize did not see the instance and changed nothing.", error.Message, StringComparison.Ordinal);
        Assert.Equal(["DescribeInstances"], ActionsOnce(h));
    }

    [Fact]
    public async Task Resize_ExpiredInstance_FailsAsNotChangeableBeforeAnyChange()
    {
        await using var h = await Harness.StartAsync();

        var error = await h.ResizeFailsAsync<ResizeInstanceNotChangeableException>(WorkflowHarness.Resize("i-prepaid-expired-01", "ecs.g5.xlarge"));

        // DescribeInstances shows an expired subscription Stopped, with a financial lock.
        Assert.Contains("operation locks (financial)", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.State.Orders);
    }

    [Fact]
    public async Task Resize_TypeTheCatalogDoesNotOffer_FailsListingWhatIsOffered()
    {
        await using var h = await Harness.StartAsync();

        var error = await h.ResizeFailsAsync<ResizeTargetNotOfferedException>(WorkflowHarness.Resize("i-postpaid-stopped-01", "ecs.not.a-type"));

        Assert.Contains("ecs.g6.xlarge", error.Offered);
        Assert.Contains("Offered: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task Resize_TypeSoldOutInTheZone_FailsListingItAsSoldOutAndWhatIsOffered()
    {
        await using var h = await Harness.StartAsync();

        var error = await h.ResizeFailsAsync<ResizeTargetNotOfferedException>(WorkflowHarness.Resize("i-postpaid-stopped-01", "ecs.r6.xlarge"));

        Assert.Contains("ecs.r6.xlarge", error.SoldOut);
        Assert.DoesNotContain("ecs.r6.xlarge", error.Offered);
        Assert.Contains("ecs.g6.xlarge", error.Offered);
        Assert.StartsWith("Resizing i-postpaid-stopped-01 failed: ecs.r6.xlarge is sold out for this instance. Offered: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task Resize_InstanceWithASecurityLock_FailsAsNotChangeableNamingTheLock()
    {
        await using var h = await Harness.StartAsync();

        var error = await h.ResizeFailsAsync<ResizeInstanceNotChangeableException>(WorkflowHarness.Resize("i-locked-01", "ecs.g6.xlarge") with { AllowStop = true });

        Assert.Contains("operation locks (security)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.State.RequestLog, e => e.Action is "StopInstance" or "ModifyInstanceSpec");
    }

    [Fact]
    public async Task Resize_ChangeFailsAfterTheResizeStoppedIt_SaysItWasLeftStopped()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.Answer(400, "InvalidInstanceType.ValueNotSupported"), action: "ModifyInstanceSpec");

        var error = await h.ResizeFailsAsync<ResizeStepFailedException>(WorkflowHarness.Resize("i-postpaid-running-01", "ecs.g6.xlarge") with { AllowStop = true });

        Assert.Equal((Change, "Stopped", true), (error.Step, error.InstanceLeftIn, error.LeftStoppedByResize));
        Assert.Contains("The instance was left Stopped by this resize", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<EcsServiceException>(error.InnerException);
    }

    [Fact]
    public async Task Resize_StopOutlastsTheWaitTimeout_FailsWithTheWaitersLastStateAndSaysTheResizeStoppedIt()
    {
        await using var h = await Harness.StartAsync(o => o.StopDelay = TimeSpan.FromHours(1));
        var request = WorkflowHarness.Resize("i-postpaid-running-01", "ecs.g6.xlarge") with { AllowStop = true };
        var options = WorkflowHarness.Options(h, timeout: TimeSpan.FromMinutes(1));

        var failure = await h.Time.RunAsync(WorkflowHarness.Wrap(h.Client.ResizeInstanceAsync(request, options: options)), step: TimeSpan.FromMilliseconds(500));

        var error = Assert.IsType<ResizeStepFailedException>(failure);
        var timeout = Assert.IsType<InstanceWaitTimeoutException>(error.InnerException);
        Assert.Equal((Stop, "Stopping", true), (error.Step, error.InstanceLeftIn, error.LeftStoppedByResize));
        Assert.Equal("Stopping", timeout.LastSeen?.Status);
        Assert.Contains("The instance was left Stopping by this resize", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.State.Changes, c => c.Action == "ModifyInstanceSpec");
    }

    private static async Task<(string Type, string Status)> TypeAndStatusAsync(Harness h, string instanceId)
    {
        var instance = await h.DescribeAsync(instanceId);
        return (instance.InstanceType, instance.Status);
    }

    private static string[] ActionsOnce(Harness h) => h.State.RequestLog.Select(e => e.Action ?? "(none)").Distinct().ToArray();
}
