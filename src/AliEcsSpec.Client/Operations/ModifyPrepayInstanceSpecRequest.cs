using AliEcsSpec.Client.Signing;

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
    /// Optional: the service works out the direction when it is not sent.
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
        if (Disks is null)
        {
            return;
        }

        for (var i = 0; i < Disks.Count; i++)
        {
            var n = i + 1;
            var disk = Disks[i] ?? throw new ArgumentException($"Disks[{i}] (Disk.{n}) must not be null.", nameof(Disks));
            RequestRules.Optional(disk.DiskId, nameof(Disks), $"Disk.{n}.DiskId");
            RequestRules.Optional(disk.Category, nameof(Disks), $"Disk.{n}.Category");
            RequestRules.Optional(disk.PerformanceLevel, nameof(Disks), $"Disk.{n}.PerformanceLevel");
            if (disk.DiskId is null && disk.Category is null && disk.PerformanceLevel is null)
            {
                throw new ArgumentException($"Disks[{i}] (Disk.{n}) sets none of DiskId, Category and PerformanceLevel.", nameof(Disks));
            }

            if (disk.DiskId is not null && disk.Category is null)
            {
                // Documented as MissingParameter.DiskCategory: Disk.Category can not be null when Disk.DiskId is specified.
                throw new ArgumentException($"Disk.{n}.Category is required when Disk.{n}.DiskId is set.", nameof(Disks));
            }
        }
    }

    /// <summary>The documented wire parameters of this request.</summary>
    internal UnsignedRpcRequest ToRpcRequest(string? clientToken)
    {
        var wire = new WireParameters(13 + ((Disks?.Count ?? 0) * 3))
            .Add("RegionId", RegionId)
            .Add("InstanceId", InstanceId)
            .Add("InstanceType", InstanceType)
            .Add("OperatorType", OperatorType is { } op ? WireParameters.Format(op) : null)
            .Add("ClientToken", clientToken)
            .Add("AutoPay", AutoPay)
            .Add("MigrateAcrossZone", MigrateAcrossZone)
            .Add("SystemDisk.Category", SystemDiskCategory is { } category ? WireParameters.Format(category) : null)
            .AddMinuteTime("RebootTime", RebootTime)
            .AddMinuteTime("EndTime", EndTime)
            .Add("RebootWhenFinished", RebootWhenFinished)
            .Add("ModifyMode", ModifyMode);
        for (var i = 0; i < (Disks?.Count ?? 0); i++)
        {
            var disk = Disks![i];
            var prefix = $"Disk.{i + 1}.";
            wire.Add(prefix + "DiskId", disk.DiskId)
                .Add(prefix + "Category", disk.Category)
                .Add(prefix + "PerformanceLevel", disk.PerformanceLevel);
        }

        return new UnsignedRpcRequest(EcsApi.ModifyPrepayInstanceSpec, EcsApi.Version, wire.Parameters);
    }
}
