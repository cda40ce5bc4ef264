using AliEcsSpec.Client.Workflow;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Workflow;

/// <summary>
/// The workflow killed (cancelled) after each step and the same plan run again: exactly one change or order per plan,
/// and the instance ends in the requested type and in the state it started in.
/// </summary>
public sealed class ResizeRerunTests
{
    public static TheoryData<string, string, string, ResizeStepKind> Cases()
    {
        var cases = new TheoryData<string, string, string, ResizeStepKind>();
        (string Instance, string Target, string StartsIn)[] instances =
        [
            ("i-postpaid-running-01", "ecs.g6.xlarge", "Running"),
            ("i-postpaid-stopped-01", "ecs.g6.xlarge", "Stopped"),
            ("i-prepaid-running-01", "ecs.g5.xlarge", "Running"),
            ("i-prepaid-running-02", "ecs.g5.large", "Running"),
        ];
        foreach (var (instance, target, startsIn) in instances)
        {
            foreach (var step in Enum.GetValues<ResizeStepKind>())
            {
                cases.Add(instance, target, startsIn, step);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Resize_CancelledAfterAStepAndRunAgain_ChangesOnceAndEndsInTheTypeAndTheStateItStartedIn(
        string instanceId, string target, string startsIn, ResizeStepKind cancelAfter)
    {
        await using var h = await Harness.StartAsync();
        // A running instance's plan says it must end running (see RestartAfter): the second run cannot know the first stopped it.
        var plan = WorkflowHarness.Resize(instanceId, target, planToken: "rerun-plan") with
        {
            AllowStop = true,
            RestartAfter = startsIn == "Running" ? true : null,
        };
        using var cancel = new CancellationTokenSource();

        var first = await h.ResizeFailsOrEndsAsync(
            plan,
            step =>
            {
                if (step.Kind == cancelAfter && step.State is ResizeStepState.Completed or ResizeStepState.Skipped)
                {
                    cancel.Cancel();
                }
            },
            cancel.Token);
        var (second, _) = await h.ResizeAsync(plan);

        Assert.True(first is null or OperationCanceledException, $"the first run ended with {first}");
        Assert.Equal((target, startsIn), (second.TypeAfter, second.StatusAfter));
        var instance = await h.DescribeAsync(instanceId);
        Assert.Equal((target, startsIn), (instance.InstanceType, instance.Status));
        Assert.Single(h.State.Changes, c => c.InstanceId == instanceId && c.Action.StartsWith("Modify", StringComparison.Ordinal));
        Assert.True(h.State.Orders.Count(o => o.InstanceId == instanceId) <= 1, "a second order was made");
    }
}
