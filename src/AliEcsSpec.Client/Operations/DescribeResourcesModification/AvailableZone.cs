namespace AliEcsSpec.Client;

/// <summary>One zone of a <c>DescribeResourcesModification</c> answer (<c>AvailableZones.AvailableZone[]</c>).</summary>
/// <param name="ZoneId">The zone.</param>
/// <param name="RegionId">The region.</param>
/// <param name="Status"><see cref="ResourceStockCategory.Available"/> or <see cref="ResourceStockCategory.SoldOut"/>.</param>
/// <param name="StatusCategory">The zone's stock, for example <see cref="ResourceStockCategory.WithStock"/>.</param>
/// <param name="AvailableResources">What can be had in the zone (<c>AvailableResources.AvailableResource[]</c>).</param>
public sealed record AvailableZone(
    string ZoneId, string? RegionId, string? Status, string? StatusCategory, IReadOnlyList<AvailableResource> AvailableResources);

/// <summary>One kind of resource in a zone (<c>AvailableResource</c>).</summary>
/// <param name="Type"><c>InstanceType</c> or <c>SystemDisk</c>.</param>
/// <param name="SupportedResources">The values offered (<c>SupportedResources.SupportedResource[]</c>).</param>
/// <param name="ConditionSupportedResources">
/// The values offered under the request's <c>Conditions</c> (<c>ConditionSupportedResources.ConditionSupportedResource[]</c>); empty without conditions.
/// </param>
public sealed record AvailableResource(
    string Type, IReadOnlyList<SupportedResource> SupportedResources, IReadOnlyList<SupportedResource> ConditionSupportedResources);

/// <summary>One value offered, with its stock (<c>SupportedResource</c> or <c>ConditionSupportedResource</c>).</summary>
/// <param name="Value">The value, for example the instance type <c>ecs.g6.large</c> or the disk category <c>cloud_essd</c>.</param>
/// <param name="Status"><see cref="ResourceStockCategory.Available"/> or <see cref="ResourceStockCategory.SoldOut"/>.</param>
/// <param name="StatusCategory">The stock, for example <see cref="ResourceStockCategory.WithoutStock"/>.</param>
/// <param name="Min">The smallest value, for a sized resource such as a disk.</param>
/// <param name="Max">The largest value, for a sized resource.</param>
/// <param name="Unit">The unit of <paramref name="Min"/> and <paramref name="Max"/>, for example <c>GiB</c>.</param>
/// <param name="Conditions">The conditions under which it is offered (<c>Conditions.Condition[].Key</c>); empty when none.</param>
public sealed record SupportedResource(
    string Value, string? Status, string? StatusCategory, int? Min = null, int? Max = null, string? Unit = null, IReadOnlyList<string>? Conditions = null)
{
    /// <summary>Whether the value is offered and can be had now: <c>Available</c> and in stock (<see cref="ResourceStockCategory.HasStock"/>).</summary>
    public bool IsInStock => Status == ResourceStockCategory.Available && ResourceStockCategory.HasStock(StatusCategory);
}
