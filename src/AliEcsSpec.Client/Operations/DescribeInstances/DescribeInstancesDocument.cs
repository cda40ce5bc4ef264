using System.Text.Json.Serialization;

namespace AliEcsSpec.Client;

/// <summary>The success document of <c>DescribeInstances</c>, as far as the client reads it.</summary>
internal sealed class DescribeInstancesDocument
{
    public string? RequestId { get; set; }

    public int? TotalCount { get; set; }

    public int? PageNumber { get; set; }

    public int? PageSize { get; set; }

    public string? NextToken { get; set; }

    public InstanceList? Instances { get; set; }

    internal sealed class InstanceList
    {
        public List<InstanceItem>? Instance { get; set; }
    }

    internal sealed class InstanceItem
    {
        public string? InstanceId { get; set; }

        public string? InstanceName { get; set; }

        public string? RegionId { get; set; }

        public string? ZoneId { get; set; }

        public string? Status { get; set; }

        public string? InstanceType { get; set; }

        public string? InstanceTypeFamily { get; set; }

        public string? InstanceChargeType { get; set; }

        public int? Cpu { get; set; }

        public int? Memory { get; set; }

        public string? InternetChargeType { get; set; }

        public int? InternetMaxBandwidthOut { get; set; }

        public int? InternetMaxBandwidthIn { get; set; }

        public string? ExpiredTime { get; set; }

        public string? CreationTime { get; set; }

        public string? StoppedMode { get; set; }

        public LockList? OperationLocks { get; set; }
    }

    internal sealed class LockList
    {
        public List<LockItem>? LockReason { get; set; }
    }

    internal sealed class LockItem
    {
        public string? LockReason { get; set; }

        public string? LockMsg { get; set; }
    }
}

/// <summary>Source-generated (reflection-free, trimming-safe) JSON metadata of the success document.</summary>
[JsonSourceGenerationOptions(AllowTrailingCommas = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(DescribeInstancesDocument))]
internal sealed partial class DescribeInstancesJsonContext : JsonSerializerContext;
