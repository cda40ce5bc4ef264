using AliEcsSpec.Client.Workflow;
using AliEcsSpec.Emulator;

namespace AliEcsSpec.Client.Soak.Workflow;

/// <summary>The workflow soak's figures and its required zeros, from the emulator's own records.</summary>
internal sealed record WorkflowSoakResult
{
    public required int Plans { get; init; }

    public required int SucceededFirstTry { get; init; }

    public required int SucceededAfterRerun { get; init; }

    public required int FailedEveryTry { get; init; }

    /// <summary>Typed failures of single tries (InstanceResizeException), by type name.</summary>
    public required IReadOnlyDictionary<string, int> FailuresByType { get; init; }

    /// <summary>Plans with more than one order or more than one type change. Must be 0.</summary>
    public required int DoubleOrders { get; init; }

    /// <summary>Tries that ended in neither a result nor an InstanceResizeException (or an ArgumentException). Must be 0.</summary>
    public required int EndedUntyped { get; init; }

    /// <summary>Instances left stopped that started running, whose plan's last failure does not say so. Must be 0.</summary>
    public required int LeftStoppedUnreported { get; init; }

    /// <summary>Succeeded plans whose instance does not show the target type and its starting state at the end. Must be 0.</summary>
    public required int SucceededButWrongEnd { get; init; }

    public required IReadOnlyList<string> Findings { get; init; }

    public bool Passed => DoubleOrders + EndedUntyped + LeftStoppedUnreported + SucceededButWrongEnd == 0;

    public static WorkflowSoakResult Audit(
        IReadOnlyList<PlanOutcome> outcomes, EmulatorState state, IReadOnlyDictionary<string, string> startedIn, IReadOnlyDictionary<string, string> targets)
    {
        var findings = new List<string>();
        var doubles = 0;
        var leftStopped = 0;
        var wrongEnd = 0;
        foreach (var outcome in outcomes)
        {
            var id = outcome.InstanceId;
            var orders = state.Orders.Count(o => o.InstanceId == id && !o.Abnormal);
            var changes = state.Changes.Count(c => c.InstanceId == id && c.Action.StartsWith("Modify", StringComparison.Ordinal));
            if (orders > 1 || changes > 1)
            {
                doubles++;
                findings.Add($"{id}: {orders} orders, {changes} changes for one plan");
            }

            var instance = state.GetInstance(id)!;
            if (outcome.Succeeded && (instance.InstanceType != targets[id] && instance.PendingInstanceType != targets[id] || instance.Status.ToString() != startedIn[id]))
            {
                wrongEnd++;
                findings.Add($"{id}: succeeded but ends {instance.Status} {instance.InstanceType}");
            }

            if (!outcome.Succeeded && startedIn[id] == "Running" && instance.Status.ToString() == "Stopped" && !SaysLeftStopped(outcome.FinalFailure!))
            {
                leftStopped++;
                findings.Add($"{id}: left Stopped, and the last failure does not say so: {outcome.FinalFailure!.GetType().Name} {outcome.FinalFailure.Message}");
            }
        }

        var tries = outcomes.SelectMany(o => o.Failures).ToList();
        var untyped = tries.Where(f => f is not (InstanceResizeException or ArgumentException)).ToList();
        findings.AddRange(untyped.Take(10).Select(f => $"untyped: {f.GetType().Name} {f.Message}"));
        return new WorkflowSoakResult
        {
            Plans = outcomes.Count,
            SucceededFirstTry = outcomes.Count(o => o.Succeeded && o.Failures.Count == 0),
            SucceededAfterRerun = outcomes.Count(o => o.Succeeded && o.Failures.Count > 0),
            FailedEveryTry = outcomes.Count(o => !o.Succeeded),
            FailuresByType = tries.GroupBy(f => f.GetType().Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            DoubleOrders = doubles,
            EndedUntyped = untyped.Count,
            LeftStoppedUnreported = leftStopped,
            SucceededButWrongEnd = wrongEnd,
            Findings = findings,
        };
    }

    private static bool SaysLeftStopped(Exception failure) =>
        failure is InstanceResizeException { LeftStoppedByResize: true } or InstanceResizeException { InstanceLeftIn: "Stopped" or "Stopping" }
        || failure.Message.Contains("left Stopped", StringComparison.Ordinal);
}
