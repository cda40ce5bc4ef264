using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>The answer to <c>DescribeResourcesModification</c>: what the instance can change to, zone by zone.</summary>
/// <param name="RequestId">The service's request ID.</param>
/// <param name="AvailableZones">The zones (<c>AvailableZones.AvailableZone[]</c>); empty when nothing is offered.</param>
public sealed record DescribeResourcesModificationResponse(string RequestId, IReadOnlyList<AvailableZone> AvailableZones) : IEcsResponse
{
    /// <summary>Every value offered for <paramref name="resourceType"/> in any zone, without its conditions' ones.</summary>
    /// <param name="resourceType"><c>InstanceType</c> or <c>SystemDisk</c>.</param>
    public IEnumerable<SupportedResource> SupportedResourcesOf(string resourceType) =>
        AvailableZones.SelectMany(z => z.AvailableResources)
            .Where(r => r.Type == resourceType)
            .SelectMany(r => r.SupportedResources);
}
