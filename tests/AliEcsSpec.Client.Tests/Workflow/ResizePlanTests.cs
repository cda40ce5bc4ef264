using AliEcsSpec.Client.Workflow;

namespace AliEcsSpec.Client.Tests.Workflow;

/// <summary>Which operation changes the type, whether it needs the instance stopped, and when the new type shows.</summary>
public sealed class ResizePlanTests
{
    public static TheoryData<string, OperatorType, string, bool, bool> Decisions => new()
    {
        // charge type, direction, operation, needs Stopped, type shows after the start
        { "PrePaid", OperatorType.Upgrade, "ModifyPrepayInstanceSpec", false, false },
        { "PrePaid", OperatorType.Downgrade, "ModifyPrepayInstanceSpec", true, true },
        { "PostPaid", OperatorType.Upgrade, "ModifyInstanceSpec", true, false },
        { "PostPaid", OperatorType.Downgrade, "ModifyInstanceSpec", true, false },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decisions_ByBillingAndDirection_FollowTheDocuments(string chargeType, OperatorType direction, string operation, bool needsStopped, bool showsAfterStart)
    {
        Assert.Equal(operation, ResizePlan.OperationFor(chargeType));
        Assert.Equal(needsStopped, ResizePlan.NeedsStopped(chargeType, direction));
        Assert.Equal(showsAfterStart, ResizePlan.ShowsAfterStart(chargeType, direction));
    }

    public static TheoryData<bool?, bool, bool> Restarts => new()
    {
        { null, true, true }, { null, false, false }, { true, false, true }, { true, true, true }, { false, true, false }, { false, false, false },
    };

    [Theory]
    [MemberData(nameof(Restarts))]
    public void Restarts_ByOptionAndWhetherTheResizeStoppedIt_StartsWhenAskedOrWhenItStoppedIt(bool? restartAfter, bool stoppedByResize, bool restarts)
    {
        Assert.Equal(restarts, ResizePlan.Restarts(restartAfter, stoppedByResize));
    }

    public static TheoryData<string, bool, string?> Statuses => new()
    {
        { "Running", true, null }, { "Stopped", true, null }, { "Stopping", false, "Stopped" }, { "Starting", false, "Running" },
        { "Pending", false, null }, { "Expired", false, null },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Status_SteadyOrSettling_DecidesWhetherTheResizeBeginsWaitsOrRefuses(string status, bool steady, string? settlesInto)
    {
        Assert.Equal(steady, ResizePlan.IsSteady(status));
        Assert.Equal(settlesInto, ResizePlan.SettlesInto(status));
    }
}
