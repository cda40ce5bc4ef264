using System.Text.Json.Serialization;

namespace AliEcsSpec.Client;

/// <summary>The success document of <c>DescribeResourcesModification</c>.</summary>
internal sealed class DescribeResourcesModificationDocument
{
    public string? RequestId { get; set; }

    public ZoneList? AvailableZones { get; set; }

    internal sealed class ZoneList
    {
        public List<Zone>? AvailableZone { get; set; }
    }

    internal sealed class Zone
    {
        public string? ZoneId { get; set; }

        public string? RegionId { get; set; }

        public string? Status { get; set; }

        public string? StatusCategory { get; set; }

        public ResourceList? AvailableResources { get; set; }
    }

    internal sealed class ResourceList
    {
        public List<Resource>? AvailableResource { get; set; }
    }

    internal sealed class Resource
    {
        public string? Type { get; set; }

        public ValueList? SupportedResources { get; set; }

        public ConditionValueList? ConditionSupportedResources { get; set; }
    }

    internal sealed class ValueList
    {
        public List<Offered>? SupportedResource { get; set; }
    }

    internal sealed class ConditionValueList
    {
        public List<Offered>? ConditionSupportedResource { get; set; }
    }

    internal sealed class Offered
    {
        public string? Value { get; set; }

        public string? Status { get; set; }

        public string? StatusCategory { get; set; }

        public int? Min { get; set; }

        public int? Max { get; set; }

        public string? Unit { get; set; }

        public ConditionList? Conditions { get; set; }
    }

    internal sealed class ConditionList
    {
        public List<Condition>? Condition { get; set; }
    }

    internal sealed class Condition
    {
        public string? Key { get; set; }
    }
}

/// <summary>Source-generated (reflection-free, trimming-safe) JSON metadata of the success document.</summary>
[JsonSourceGenerationOptions(AllowTrailingCommas = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(DescribeResourcesModificationDocument))]
internal sealed partial class DescribeResourcesModificationJsonContext : JsonSerializerContext;
