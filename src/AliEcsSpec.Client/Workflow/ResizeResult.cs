namespace AliEcsSpec.Client.Workflow;

/// <summary>What a resize did (or, in plan-only mode, would do).</summary>
public sealed record ResizeResult
{
    /// <summary>The instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The instance type when the resize began.</summary>
    public required string TypeBefore { get; init; }

    /// <summary>
    /// The instance type <c>DescribeInstances</c> showed at the end. For a prepaid downgrade left stopped
    /// (<see cref="ResizeInstanceRequest.RestartAfter"/> off) this is still the old type: it applies at the next start.
    /// </summary>
    public required string TypeAfter { get; init; }

    /// <summary>The status when the resize began, for example <c>Running</c>.</summary>
    public required string StatusBefore { get; init; }

    /// <summary>The status at the end.</summary>
    public required string StatusAfter { get; init; }

    /// <summary>
    /// Upgrade or downgrade: the <c>DescribeResourcesModification</c> operation type that offered the target. Always
    /// Upgrade for pay-as-you-go instances, whose only documented operation type lists smaller types too. Null when the
    /// instance already had the target type.
    /// </summary>
    public OperatorType? Direction { get; init; }

    /// <summary>The operation that changes (or would change) the type; null when nothing needed changing.</summary>
    public string? Operation { get; init; }

    /// <summary>The order the change created (prepaid instances), when there is one.</summary>
    public string? OrderId { get; init; }

    /// <summary>Whether the type change was sent (false in plan-only mode and when the type was already the target).</summary>
    public bool Changed { get; init; }

    /// <summary>Whether this was a plan-only run: the steps say what would happen, and nothing was changed.</summary>
    public bool PlanOnly { get; init; }

    /// <summary>Every step, in order, each with its final state, duration and ClientToken.</summary>
    public required IReadOnlyList<ResizeStep> Steps { get; init; }
}
