using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary><c>DescribeResourcesModification</c>: the wire parameters of its request and the reading of its answer.</summary>
internal sealed class DescribeResourcesModificationOperation
    : EcsOperation<DescribeResourcesModificationRequest, DescribeResourcesModificationResponse, DescribeResourcesModificationDocument>
{
    private DescribeResourcesModificationOperation()
        : base("DescribeResourcesModification", DescribeResourcesModificationJsonContext.Default.DescribeResourcesModificationDocument)
    {
    }

    public static DescribeResourcesModificationOperation Instance { get; } = new();

    public override bool SendsClientToken => false;

    public override void Validate(DescribeResourcesModificationRequest request) => request.Validate();

    public override string? RegionIdOf(DescribeResourcesModificationRequest request) => request.RegionId;

    public override string? ClientTokenOf(DescribeResourcesModificationRequest request) => null;

    public override IReadOnlyList<KeyValuePair<string, string>> ToWire(DescribeResourcesModificationRequest request, string? clientToken) =>
        new WireParameters()
            .Add("RegionId", request.RegionId)
            .Add("ResourceId", request.ResourceId)
            .AddName("DestinationResource", (DestinationResource?)request.DestinationResource)
            .AddName("OperationType", request.OperationType)
            .Add("InstanceType", request.InstanceType)
            .Add("Cores", request.Cores)
            .Add("Memory", request.Memory)
            .Add("MigrateAcrossZone", request.MigrateAcrossZone)
            .AddNumbered("Conditions", request.Conditions)
            .Add("ZoneId", request.ZoneId)
            .Parameters;

    protected override string? RequestIdOf(DescribeResourcesModificationDocument document) => document.RequestId;

    /// <summary>A zone without its ID, a resource without its type or a value without its name is not the documented document.</summary>
    protected override DescribeResourcesModificationResponse? ToResponse(
        DescribeResourcesModificationDocument document, string requestId, string? clientToken)
    {
        var zones = new List<AvailableZone>();
        foreach (var zone in document.AvailableZones?.AvailableZone ?? [])
        {
            if (zone.ZoneId is not { Length: > 0 } zoneId)
            {
                return null;
            }

            var resources = new List<AvailableResource>();
            foreach (var resource in zone.AvailableResources?.AvailableResource ?? [])
            {
                if (resource.Type is not { Length: > 0 } type
                    || Values(resource.SupportedResources?.SupportedResource) is not { } supported
                    || Values(resource.ConditionSupportedResources?.ConditionSupportedResource) is not { } conditional)
                {
                    return null;
                }

                resources.Add(new AvailableResource(type, supported, conditional));
            }

            zones.Add(new AvailableZone(zoneId, zone.RegionId, zone.Status, zone.StatusCategory, resources));
        }

        return new DescribeResourcesModificationResponse(requestId, zones);
    }

    private static List<SupportedResource>? Values(List<DescribeResourcesModificationDocument.Offered>? values)
    {
        var read = new List<SupportedResource>(values?.Count ?? 0);
        foreach (var value in values ?? [])
        {
            if (value.Value is not { Length: > 0 } name)
            {
                return null;
            }

            var conditions = value.Conditions?.Condition?.Select(static c => c.Key).OfType<string>().ToList();
            read.Add(new SupportedResource(name, value.Status, value.StatusCategory, value.Min, value.Max, value.Unit, conditions ?? []));
        }

        return read;
    }
}
