using System.Globalization;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary><c>DescribeInstances</c>: the wire parameters of its request and the reading of its answer.</summary>
internal sealed class DescribeInstancesOperation
    : EcsOperation<DescribeInstancesRequest, DescribeInstancesResponse, DescribeInstancesDocument>
{
    /// <summary>The two documented forms of a time: <c>yyyy-MM-ddTHH:mmZ</c> and <c>yyyy-MM-ddTHH:mm:ssZ</c>, UTC.</summary>
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    private readonly DryRunReader _dryRun;

    private DescribeInstancesOperation()
        : base("DescribeInstances", DescribeInstancesJsonContext.Default.DescribeInstancesDocument) =>
        _dryRun = new DryRunReader(this, static (requestId, _) => new DescribeInstancesResponse(requestId, [], 0, DryRun: true));

    public static DescribeInstancesOperation Instance { get; } = new();

    public override bool SendsClientToken => false;

    public override void Validate(DescribeInstancesRequest request) => request.Validate();

    public override string? RegionIdOf(DescribeInstancesRequest request) => request.RegionId;

    public override string? ClientTokenOf(DescribeInstancesRequest request) => null;

    public override IResponseReader ReaderFor(DescribeInstancesRequest request) => request.DryRun == true ? _dryRun : this;

    public override IReadOnlyList<KeyValuePair<string, string>> ToWire(DescribeInstancesRequest request, string? clientToken) =>
        new WireParameters()
            .Add("RegionId", request.RegionId)
            .AddJsonArray("InstanceIds", request.InstanceIds)
            .Add("NextToken", request.NextToken)
            .Add("MaxResults", request.MaxResults)
            .Add("PageNumber", request.PageNumber)
            .Add("PageSize", request.PageSize)
            .Add("ZoneId", request.ZoneId)
            .Add("VpcId", request.VpcId)
            .Add("VSwitchId", request.VSwitchId)
            .Add("InstanceNetworkType", request.InstanceNetworkType)
            .Add("SecurityGroupId", request.SecurityGroupId)
            .Add("InstanceName", request.InstanceName)
            .Add("InstanceType", request.InstanceType)
            .Add("InstanceTypeFamily", request.InstanceTypeFamily)
            .Add("InstanceChargeType", request.InstanceChargeType)
            .Add("InternetChargeType", request.InternetChargeType)
            .Add("Status", request.Status)
            .Add("LockReason", request.LockReason)
            .Add("ImageId", request.ImageId)
            .Add("KeyPairName", request.KeyPairName)
            .Add("ResourceGroupId", request.ResourceGroupId)
            .Add("HpcClusterId", request.HpcClusterId)
            .Add("IoOptimized", request.IoOptimized)
            .Add("DeviceAvailable", request.DeviceAvailable)
            .Add("NeedSaleCycle", request.NeedSaleCycle)
            .AddJsonArray("InnerIpAddresses", request.InnerIpAddresses)
            .AddJsonArray("PrivateIpAddresses", request.PrivateIpAddresses)
            .AddJsonArray("PublicIpAddresses", request.PublicIpAddresses)
            .AddJsonArray("EipAddresses", request.EipAddresses)
            .Add("RdmaIpAddresses", request.RdmaIpAddresses)
            .AddKeyValues("Tag", request.Tags, static t => (t.Key, t.Value))
            .AddKeyValues("Filter", request.Filters, static f => (f.Key, f.Value))
            .AddNumbered("AdditionalAttributes", request.AdditionalAttributes)
            .Add("HttpEndpoint", request.HttpEndpoint)
            .Add("HttpTokens", request.HttpTokens)
            .Add("HttpPutResponseHopLimit", request.HttpPutResponseHopLimit)
            .Add("DryRun", request.DryRun)
            .Parameters;

    protected override string? RequestIdOf(DescribeInstancesDocument document) => document.RequestId;

    /// <summary>An instance without its ID, status or type is not the documented document.</summary>
    protected override DescribeInstancesResponse? ToResponse(DescribeInstancesDocument document, string requestId, string? clientToken)
    {
        var listed = document.Instances?.Instance ?? [];
        var instances = new List<EcsInstance>(listed.Count);
        foreach (var item in listed)
        {
            if (item is not { InstanceId: { Length: > 0 } id, Status: { Length: > 0 } status, InstanceType: { Length: > 0 } type })
            {
                return null;
            }

            instances.Add(new EcsInstance
            {
                InstanceId = id,
                InstanceName = item.InstanceName,
                RegionId = item.RegionId,
                ZoneId = item.ZoneId,
                Status = status,
                InstanceType = type,
                InstanceTypeFamily = item.InstanceTypeFamily,
                InstanceChargeType = item.InstanceChargeType,
                Cpu = item.Cpu,
                Memory = item.Memory,
                InternetChargeType = item.InternetChargeType,
                InternetMaxBandwidthOut = item.InternetMaxBandwidthOut,
                InternetMaxBandwidthIn = item.InternetMaxBandwidthIn,
                ExpiredTime = ParseTime(item.ExpiredTime),
                CreationTime = ParseTime(item.CreationTime),
                StoppedMode = item.StoppedMode,
                OperationLocks = [.. (item.OperationLocks?.LockReason ?? [])
                    .Where(static l => !string.IsNullOrEmpty(l.LockReason))
                    .Select(static l => new InstanceOperationLock(l.LockReason!, l.LockMsg))],
            });
        }

        return new DescribeInstancesResponse(
            requestId, instances, document.TotalCount ?? instances.Count, document.NextToken, document.PageNumber, document.PageSize);
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParseExact(
            text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
