namespace AliEcsSpec.Client;

/// <summary>One instance as <c>DescribeInstances</c> describes it: what a resize needs to know about it.</summary>
public sealed record EcsInstance
{
    /// <summary><c>InstanceId</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary><c>InstanceName</c>.</summary>
    public string? InstanceName { get; init; }

    /// <summary><c>RegionId</c>.</summary>
    public string? RegionId { get; init; }

    /// <summary><c>ZoneId</c>.</summary>
    public string? ZoneId { get; init; }

    /// <summary><c>Status</c>, for example <see cref="EcsInstanceStatus.Running"/>.</summary>
    public required string Status { get; init; }

    /// <summary><c>InstanceType</c>, for example <c>ecs.g6.large</c>.</summary>
    public required string InstanceType { get; init; }

    /// <summary><c>InstanceTypeFamily</c>, for example <c>ecs.g6</c>.</summary>
    public string? InstanceTypeFamily { get; init; }

    /// <summary><c>InstanceChargeType</c>: <see cref="EcsInstanceChargeType.PrePaid"/> or <see cref="EcsInstanceChargeType.PostPaid"/>.</summary>
    public string? InstanceChargeType { get; init; }

    /// <summary><c>Cpu</c>: the number of vCPUs.</summary>
    public int? Cpu { get; init; }

    /// <summary><c>Memory</c>: the memory in MiB.</summary>
    public int? Memory { get; init; }

    /// <summary><c>InternetChargeType</c>: <c>PayByBandwidth</c> or <c>PayByTraffic</c>.</summary>
    public string? InternetChargeType { get; init; }

    /// <summary><c>InternetMaxBandwidthOut</c>: the maximum outbound public bandwidth in Mbit/s.</summary>
    public int? InternetMaxBandwidthOut { get; init; }

    /// <summary><c>InternetMaxBandwidthIn</c>: the maximum inbound public bandwidth in Mbit/s.</summary>
    public int? InternetMaxBandwidthIn { get; init; }

    /// <summary><c>ExpiredTime</c>: when a subscription ends (UTC); <see langword="null"/> when absent or not a documented time.</summary>
    public DateTimeOffset? ExpiredTime { get; init; }

    /// <summary><c>CreationTime</c> (UTC).</summary>
    public DateTimeOffset? CreationTime { get; init; }

    /// <summary><c>StoppedMode</c>: <c>KeepCharging</c>, <c>StopCharging</c> or <c>Not-applicable</c>.</summary>
    public string? StoppedMode { get; init; }

    /// <summary><c>OperationLocks.LockReason[]</c>: why operations on the instance are refused; empty when none.</summary>
    public IReadOnlyList<InstanceOperationLock> OperationLocks { get; init; } = [];
}

/// <summary>One lock of an instance (<c>OperationLocks.LockReason[]</c>).</summary>
/// <param name="LockReason">The reason, for example <see cref="InstanceLockReason.Financial"/>.</param>
/// <param name="LockMsg">The service's description of the lock, if any.</param>
public sealed record InstanceOperationLock(string LockReason, string? LockMsg = null);
