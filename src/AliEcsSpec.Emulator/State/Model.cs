namespace AliEcsSpec.Emulator;

/// <summary>How an instance is billed.</summary>
public enum InstanceChargeType
{
    /// <summary>Subscription (prepaid): changed with <c>ModifyPrepayInstanceSpec</c>.</summary>
    PrePaid,

    /// <summary>Pay-as-you-go: changed with <c>ModifyInstanceSpec</c>.</summary>
    PostPaid,
}

/// <summary>The state of an instance.</summary>
public enum InstanceStatus
{
    /// <summary>Running.</summary>
    Running,

    /// <summary>Stopped: required for downgrades and for pay-as-you-go type changes.</summary>
    Stopped,

    /// <summary>The subscription has expired: no change is possible until it is renewed.</summary>
    Expired,

    /// <summary>A <c>StartInstance</c> has begun: <c>Running</c> after <see cref="EcsEmulatorOptions.StartDelay"/>.</summary>
    Starting,

    /// <summary>A <c>StopInstance</c> has begun: <c>Stopped</c> after <see cref="EcsEmulatorOptions.StopDelay"/>.</summary>
    Stopping,
}

/// <summary>An Alibaba Cloud account of the emulator, identified by its AccessKey.</summary>
/// <param name="AccessKeyId">The AccessKey ID requests are signed with.</param>
/// <param name="AccessKeySecret">The AccessKey secret.</param>
public sealed record EmulatorAccount(string AccessKeyId, string AccessKeySecret)
{
    /// <summary>The balance upgrades are paid from, and downgrade refunds go to.</summary>
    public decimal Balance { get; init; } = 10_000m;

    /// <summary>Whether the account has overdue payments (every change is refused with <c>Account.Arrearage</c>).</summary>
    public bool InArrears { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"EmulatorAccount {{ AccessKeyId = {AccessKeyId}, Balance = {Balance}, InArrears = {InArrears} }}";
}

/// <summary>An instance type of the catalog; vCPUs and memory decide whether a change is an upgrade or a downgrade.</summary>
/// <param name="InstanceType">The name, for example <c>ecs.g6.large</c>.</param>
/// <param name="Cpu">vCPUs.</param>
/// <param name="MemoryGiB">Memory in GiB.</param>
public sealed record InstanceTypeSpec(string InstanceType, int Cpu, decimal MemoryGiB)
{
    /// <summary>The emulator's monthly price: 100 per vCPU plus 10 per GiB.</summary>
    public decimal MonthlyPrice => (Cpu * 100m) + (MemoryGiB * 10m);

    /// <summary>Whether this type is larger than <paramref name="other"/> (more vCPUs, or as many and more memory).</summary>
    public int CompareSize(InstanceTypeSpec other) =>
        Cpu != other.Cpu ? Cpu.CompareTo(other.Cpu) : MemoryGiB.CompareTo(other.MemoryGiB);
}

/// <summary>An instance, as seeded or as a snapshot of the emulator's state.</summary>
public sealed record EmulatorInstance
{
    /// <summary>The instance ID.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The region it runs in.</summary>
    public required string RegionId { get; init; }

    /// <summary>The AccessKey ID of the account that owns it.</summary>
    public required string AccessKeyId { get; init; }

    /// <summary>Prepaid or pay-as-you-go.</summary>
    public InstanceChargeType ChargeType { get; init; }

    /// <summary>Running, stopped, expired, or on its way (starting, stopping).</summary>
    public InstanceStatus Status { get; init; }

    /// <summary>When a <c>Starting</c> or <c>Stopping</c> instance reaches <c>Running</c> or <c>Stopped</c>.</summary>
    public DateTimeOffset? StatusChangesAt { get; init; }

    /// <summary>The zone; <c>RegionId</c> followed by <c>-h</c> when the seed names none.</summary>
    public string? ZoneId { get; init; }

    /// <summary>
    /// How a stopped instance is billed, as <c>DescribeInstances</c> shows it: <c>KeepCharging</c>,
    /// <c>StopCharging</c>, or <c>Not-applicable</c> (running, or a subscription instance).
    /// </summary>
    public string? StoppedMode { get; init; }

    /// <summary>When a subscription ends (<c>ExpiredTime</c>); none for pay-as-you-go instances.</summary>
    public DateTimeOffset? ExpiredTime { get; init; }

    /// <summary>The instance's <c>OperationLocks</c>, for example <c>security</c> (no stop, no start) or <c>financial</c>.</summary>
    public IReadOnlyList<string> LockReasons { get; init; } = [];

    /// <summary>How public traffic is billed: <c>PayByTraffic</c> (the default) or <c>PayByBandwidth</c>.</summary>
    public string InternetChargeType { get; init; } = "PayByTraffic";

    /// <summary>The zone the instance is in, as every rule sees it.</summary>
    internal string Zone => ZoneId ?? RegionId + "-h";

    /// <summary>The instance type in effect.</summary>
    public required string InstanceType { get; init; }

    /// <summary>Maximum outbound public bandwidth, Mbit/s.</summary>
    public int InternetMaxBandwidthOut { get; init; }

    /// <summary>Maximum inbound public bandwidth, Mbit/s.</summary>
    public int InternetMaxBandwidthIn { get; init; } = 10;

    /// <summary>Whether an Elastic IP is bound (temporary bandwidth upgrades are refused).</summary>
    public bool EipBound { get; init; }

    /// <summary>Whether local disks are attached (type changes are refused).</summary>
    public bool HasLocalDisks { get; init; }

    /// <summary>Whether an unpaid order is pending (prepaid changes are refused).</summary>
    public bool HasUnpaidOrder { get; init; }

    /// <summary>How many downgrades were made (at most three).</summary>
    public int DowngradeCount { get; init; }

    /// <summary>When the last successful change was made (one change per five minutes).</summary>
    public DateTimeOffset? LastChangeTime { get; init; }

    /// <summary>When the last successful downgrade was made (the older revisions' five-minute rules count from it).</summary>
    public DateTimeOffset? LastDowngradeTime { get; init; }

    /// <summary>Whether the instance was released.</summary>
    public bool Released { get; init; }

    /// <summary>The type a change will apply, if one is pending.</summary>
    public string? PendingInstanceType { get; init; }

    /// <summary>When the pending type applies (a downgrade also waits for the instance to be started).</summary>
    public DateTimeOffset? PendingAppliesAt { get; init; }

    /// <summary>Whether the pending type waits for the instance to be started (after a downgrade).</summary>
    public bool PendingNeedsStart { get; init; }

    /// <summary>A temporary bandwidth upgrade, if one was made.</summary>
    public TemporaryBandwidth? TemporaryBandwidth { get; init; }
}

/// <summary>A temporary bandwidth upgrade.</summary>
/// <param name="StartTime">Start of the upgrade.</param>
/// <param name="EndTime">End of the upgrade.</param>
/// <param name="InternetMaxBandwidthOut">The temporary outbound bandwidth.</param>
public sealed record TemporaryBandwidth(DateTimeOffset StartTime, DateTimeOffset EndTime, int InternetMaxBandwidthOut);

/// <summary>An order created by <c>ModifyPrepayInstanceSpec</c>.</summary>
/// <param name="OrderId">The order ID (decimal digits).</param>
/// <param name="InstanceId">The instance changed.</param>
/// <param name="AccessKeyId">The account that placed it.</param>
/// <param name="ClientToken">The ClientToken of the call, if any.</param>
/// <param name="FromInstanceType">The type before the change.</param>
/// <param name="ToInstanceType">The type after the change.</param>
/// <param name="Amount">What was charged (positive) or refunded (negative).</param>
/// <param name="Paid">Whether it was paid (false with <c>AutoPay=false</c>).</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record EmulatorOrder(
    string OrderId, string InstanceId, string AccessKeyId, string? ClientToken,
    string FromInstanceType, string ToInstanceType, decimal Amount, bool Paid, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// An abnormal order: <c>AutoPay=true</c> with too little balance (001/002: "your order becomes invalid and must
    /// be canceled"). It is never paid (<see cref="EmulatorState.PayOrders"/> leaves it) and changes nothing.
    /// </summary>
    public bool Abnormal { get; init; }
}

/// <summary>A change the emulator committed (an instance type or bandwidth change), with the call's ClientToken.</summary>
/// <param name="Action">The action that made it.</param>
/// <param name="InstanceId">The instance changed.</param>
/// <param name="ClientToken">The ClientToken of the call, if any.</param>
/// <param name="Description">What changed.</param>
/// <param name="At">When.</param>
public sealed record EmulatorChange(string Action, string InstanceId, string? ClientToken, string Description, DateTimeOffset At);

/// <summary>
/// The stock of one instance type in one zone, as <c>DescribeResourcesModification</c> reports it and as a change or a
/// start in economical mode needs it. A type a seed lists for no zone is in stock everywhere.
/// </summary>
/// <param name="ZoneId">The zone, for example <c>cn-hangzhou-h</c>.</param>
/// <param name="InstanceType">The instance type.</param>
/// <param name="StatusCategory"><c>WithStock</c>, <c>ClosedWithStock</c>, <c>WithoutStock</c> or <c>ClosedWithoutStock</c>.</param>
public sealed record ZoneStock(string ZoneId, string InstanceType, string StatusCategory)
{
    /// <summary>The documented stock categories.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["WithStock", "ClosedWithStock", "WithoutStock", "ClosedWithoutStock"];

    /// <summary>Whether the type can be had now (<c>WithStock</c> or <c>ClosedWithStock</c>).</summary>
    public bool HasStock => StatusCategory is "WithStock" or "ClosedWithStock";
}
