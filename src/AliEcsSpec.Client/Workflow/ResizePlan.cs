namespace AliEcsSpec.Client.Workflow;

/// <summary>
/// The pure decisions of a resize, from what <c>DescribeInstances</c> and <c>DescribeResourcesModification</c> said:
/// which operation changes the type, whether it needs the instance stopped, and when the new type shows.
/// </summary>
internal static class ResizePlan
{
    /// <summary>Subscription instances change with <c>ModifyPrepayInstanceSpec</c>, pay-as-you-go ones with <c>ModifyInstanceSpec</c>.</summary>
    public static string OperationFor(string? chargeType) =>
        IsPrepaid(chargeType) ? "ModifyPrepayInstanceSpec" : "ModifyInstanceSpec";

    /// <summary>
    /// Pay-as-you-go type changes need <c>Stopped</c> (003/004), and so do prepaid downgrades (000-002). A prepaid
    /// upgrade of a running instance is sent as it is: the newer revisions allow it, and where the older one refuses
    /// it the refusal comes before any order.
    /// </summary>
    public static bool NeedsStopped(string? chargeType, OperatorType direction) =>
        !IsPrepaid(chargeType) || direction == OperatorType.Downgrade;

    /// <summary>A prepaid downgrade takes effect when the instance is started (001/002); every other change after a delay.</summary>
    public static bool ShowsAfterStart(string? chargeType, OperatorType direction) =>
        IsPrepaid(chargeType) && direction == OperatorType.Downgrade;

    /// <summary>
    /// Whether <c>DescribeResourcesModification</c> is asked for downgrades too: for a subscription only. For a
    /// pay-as-you-go instance the one documented <c>OperationType</c> is <c>Upgrade</c>, and it lists every type the
    /// instance may change to, larger or smaller, so its changes count as upgrades here.
    /// </summary>
    public static bool ChecksDowngrades(string? chargeType) => IsPrepaid(chargeType);

    /// <summary>Whether a resize may begin from this status: only the two steady ones.</summary>
    public static bool IsSteady(string status) => status is EcsInstanceStatus.Running or EcsInstanceStatus.Stopped;

    /// <summary>Start at the end: as asked, or, unset, when this resize stopped the instance.</summary>
    public static bool Restarts(bool? restartAfter, bool stoppedByResize) => restartAfter ?? stoppedByResize;

    /// <summary>Whether a status settles by itself (a stop or start under way), so a resize waits for it rather than refuse.</summary>
    public static string? SettlesInto(string status) => status switch
    {
        EcsInstanceStatus.Stopping => EcsInstanceStatus.Stopped,
        EcsInstanceStatus.Starting => EcsInstanceStatus.Running,
        _ => null,
    };

    private static bool IsPrepaid(string? chargeType) => string.Equals(chargeType, EcsInstanceChargeType.PrePaid, StringComparison.Ordinal);
}
