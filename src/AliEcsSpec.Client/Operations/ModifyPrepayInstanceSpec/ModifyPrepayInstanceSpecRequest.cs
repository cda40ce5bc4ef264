
namespace AliEcsSpec.Client;

/// <summary>
/// Changes the instance type of a subscription (prepaid) instance: <c>ModifyPrepayInstanceSpec</c>. The new type applies
/// for the rest of the subscription; the change completes 5 to 10 seconds after the call. A downgrade needs the
/// instance to be <c>Stopped</c>, takes effect when it is started, and an instance may be downgraded at most three
/// times. An instance can be changed at most once every five minutes, and not while it has arrears.
/// </summary>
public sealed record ModifyPrepayInstanceSpecRequest
{
    /// <summary><c>RegionId</c> (required): the region of the instance, for example <c>cn-hangzhou</c>.</summary>
    public required string RegionId { get; init; }

    /// <summary><c>InstanceId</c> (required): the instance to change, for example <c>i-bp67acfmxazb4ph****</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary><c>InstanceType</c> (required): the new instance type, for example <c>ecs.g5.xlarge</c>.</summary>
    public required string InstanceType { get; init; }

    /// <summary>
    /// <c>OperatorType</c>: <see cref="Client.OperatorType.Upgrade"/> or <see cref="Client.OperatorType.Downgrade"/>.
    /// Optional, and unset it is not sent. What the service does then depends on the revision: the older one (the
    /// Simplified Chinese reference) gives it the default <c>upgrade</c>, so a downgrade must say so; the newer ones
    /// (English of May 2026, Traditional Chinese of June 2026) work out the direction from the two instance types.
    /// Set it for a downgrade to be understood by both.
    /// </summary>
    public OperatorType? OperatorType { get; init; }

    /// <summary>
    /// <c>ClientToken</c>: makes the call idempotent. Printable ASCII, at most 64 characters, unique per change.
    /// </summary>
    public string? ClientToken { get; init; }

    /// <summary>
    /// <c>AutoPay</c>: pay the order automatically (service default <see langword="true"/>). With
    /// <see langword="false"/> an unpaid order is created, to be paid in the console. Ignored for a downgrade.
    /// </summary>
    public bool? AutoPay { get; init; }

    /// <summary><c>MigrateAcrossZone</c>: allow a cross-cluster upgrade (service default <see langword="false"/>).</summary>
    public bool? MigrateAcrossZone { get; init; }

    /// <summary>
    /// <c>SystemDisk.Category</c>: the new system disk category, for a retired non-I/O optimized type upgraded to an
    /// I/O optimized one.
    /// </summary>
    public SystemDiskCategory? SystemDiskCategory { get; init; }

    /// <summary><c>RebootTime</c>: when to restart the instance. Sent in UTC to the minute (<c>yyyy-MM-ddTHH:mmZ</c>); seconds are dropped.</summary>
    public DateTimeOffset? RebootTime { get; init; }

    /// <summary><c>EndTime</c>: the end of a temporary change. Sent in UTC to the minute (<c>yyyy-MM-ddTHH:mmZ</c>); seconds are dropped.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>
    /// <c>RebootWhenFinished</c>: restart the instance as soon as the change is done (service default
    /// <see langword="false"/>). A stopped instance stays stopped.
    /// </summary>
    public bool? RebootWhenFinished { get; init; }

    /// <summary><c>ModifyMode</c>: documented as not publicly available yet.</summary>
    public string? ModifyMode { get; init; }

    /// <summary><c>Disk.N.*</c>: disks to change with the instance type; documented as not publicly available yet.</summary>
    public IReadOnlyList<ModifyPrepayInstanceSpecDisk>? Disks { get; init; }

    /// <summary>Checks every documented rule; throws <see cref="ArgumentException"/> naming the parameter and the rule.</summary>
    internal void Validate()
    {
        RequestRules.RegionId(RegionId, nameof(RegionId), required: true);
        RequestRules.Required(InstanceId, nameof(InstanceId), "InstanceId");
        RequestRules.Required(InstanceType, nameof(InstanceType), "InstanceType");
        RequestRules.Defined(OperatorType, nameof(OperatorType), "OperatorType");
        RequestRules.ClientToken(ClientToken, nameof(ClientToken));
        RequestRules.Defined(SystemDiskCategory, nameof(SystemDiskCategory), "SystemDisk.Category");
        RequestRules.Optional(ModifyMode, nameof(ModifyMode), "ModifyMode");
        RequestRules.Disks(Disks, static d => (d.DiskId, d.Category, d.PerformanceLevel), nameof(Disks), categoryRequiredWithDiskId: true);
    }
}
