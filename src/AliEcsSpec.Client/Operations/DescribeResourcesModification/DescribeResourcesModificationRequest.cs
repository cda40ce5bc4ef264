namespace AliEcsSpec.Client;

/// <summary>
/// Lists what an instance can change to, zone by zone and with its stock: <c>DescribeResourcesModification</c>. Ask
/// before a change: a type the answer does not offer, or offers without stock, is refused.
/// </summary>
public sealed record DescribeResourcesModificationRequest
{
    /// <summary><c>RegionId</c> (required): the region of the instance; it also chooses the endpoint.</summary>
    public required string RegionId { get; init; }

    /// <summary><c>ResourceId</c> (required): the instance ID.</summary>
    public required string ResourceId { get; init; }

    /// <summary><c>DestinationResource</c> (required): instance types, or system disk categories.</summary>
    public required DestinationResource DestinationResource { get; init; }

    /// <summary>
    /// <c>OperationType</c>: the change asked about. Service default <see cref="ModificationOperationType.Upgrade"/>,
    /// the only documented value for pay-as-you-go instances.
    /// </summary>
    public ModificationOperationType? OperationType { get; init; }

    /// <summary>
    /// <c>InstanceType</c>: the target instance type; required with <see cref="Client.DestinationResource.SystemDisk"/>,
    /// to learn which system disk categories it supports.
    /// </summary>
    public string? InstanceType { get; init; }

    /// <summary><c>Cores</c>: only instance types with this many vCPUs; with <see cref="Client.DestinationResource.InstanceType"/> only.</summary>
    public int? Cores { get; init; }

    /// <summary><c>Memory</c>: only instance types with this much memory, in GiB; with <see cref="Client.DestinationResource.InstanceType"/> only.</summary>
    public double? Memory { get; init; }

    /// <summary><c>MigrateAcrossZone</c>: include types that need a cross-cluster change (service default <see langword="false"/>).</summary>
    public bool? MigrateAcrossZone { get; init; }

    /// <summary><c>Conditions.N</c>: conditions of the change; documented value <c>DiskCategory</c> (the system disk category changes too).</summary>
    public IReadOnlyList<string>? Conditions { get; init; }

    /// <summary><c>ZoneId</c> (current API revision): the zone to list.</summary>
    public string? ZoneId { get; init; }

    /// <summary>Checks every documented rule; throws <see cref="ArgumentException"/> naming the parameter and the rule.</summary>
    internal void Validate()
    {
        RequestRules.RegionId(RegionId, nameof(RegionId), required: true);
        RequestRules.Required(ResourceId, nameof(ResourceId), "ResourceId");
        RequestRules.Defined<DestinationResource>(DestinationResource, nameof(DestinationResource), "DestinationResource");
        RequestRules.Defined(OperationType, nameof(OperationType), "OperationType");
        RequestRules.Optional(InstanceType, nameof(InstanceType), "InstanceType");
        RequestRules.Between(Cores, 1, int.MaxValue, nameof(Cores), "Cores");
        RequestRules.Positive(Memory, nameof(Memory), "Memory");
        RequestRules.Items(Conditions, int.MaxValue, nameof(Conditions), "Conditions.N");
        RequestRules.Optional(ZoneId, nameof(ZoneId), "ZoneId");

        // Every revision: "When DestinationResource is set to SystemDisk, you must specify InstanceType."
        if (DestinationResource == DestinationResource.SystemDisk && InstanceType is null)
        {
            throw new ArgumentException("InstanceType is required when DestinationResource is SystemDisk.", nameof(InstanceType));
        }

        // Every revision: Cores and Memory take effect only with InstanceType (InvalidParam.Cores, InvalidParam.Memory).
        if (DestinationResource != DestinationResource.InstanceType && (Cores is not null || Memory is not null))
        {
            throw new ArgumentException(
                "Cores and Memory are valid only when DestinationResource is InstanceType.", Cores is not null ? nameof(Cores) : nameof(Memory));
        }
    }
}
