namespace AliEcsSpec.Client;

/// <summary>
/// Lists instances of a region with their status, type, billing and locks: <c>DescribeInstances</c>. Every filter set
/// narrows the list (they are ANDed); <see cref="InstanceIds"/> given as an empty list is a filter too and returns no
/// instance. Page with <see cref="NextToken"/> and <see cref="MaxResults"/> (recommended), or with
/// <see cref="PageNumber"/> and <see cref="PageSize"/>; once <see cref="NextToken"/> is set, the service ignores the
/// page number and size.
/// </summary>
public sealed record DescribeInstancesRequest
{
    /// <summary>The most instance IDs, IP addresses or page entries one request may name.</summary>
    public const int MaxItems = 100;

    /// <summary><c>RegionId</c> (required): the region of the instances; it also chooses the endpoint.</summary>
    public required string RegionId { get; init; }

    /// <summary><c>InstanceIds</c>: up to 100 instance IDs, sent as one JSON array.</summary>
    public IReadOnlyList<string>? InstanceIds { get; init; }

    /// <summary><c>NextToken</c>: the <see cref="DescribeInstancesResponse.NextToken"/> of the previous page.</summary>
    public string? NextToken { get; init; }

    /// <summary><c>MaxResults</c>: entries per page with <see cref="NextToken"/> paging, 1 to 100 (service default 10).</summary>
    public int? MaxResults { get; init; }

    /// <summary><c>PageNumber</c>: the page to return, from 1 (service default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary><c>PageSize</c>: entries per page, 1 to 100 (service default 10).</summary>
    public int? PageSize { get; init; }

    /// <summary><c>ZoneId</c>: the zone of the instances.</summary>
    public string? ZoneId { get; init; }

    /// <summary><c>VpcId</c>: the VPC of the instances.</summary>
    public string? VpcId { get; init; }

    /// <summary><c>VSwitchId</c>: the vSwitch of the instances.</summary>
    public string? VSwitchId { get; init; }

    /// <summary><c>InstanceNetworkType</c>: <c>classic</c> or <c>vpc</c>.</summary>
    public string? InstanceNetworkType { get; init; }

    /// <summary><c>SecurityGroupId</c>: the security group of the instances.</summary>
    public string? SecurityGroupId { get; init; }

    /// <summary><c>InstanceName</c>: the name; <c>*</c> matches any text.</summary>
    public string? InstanceName { get; init; }

    /// <summary><c>InstanceType</c>: the instance type, for example <c>ecs.g6.large</c>.</summary>
    public string? InstanceType { get; init; }

    /// <summary><c>InstanceTypeFamily</c>: the instance family, for example <c>ecs.g6</c>.</summary>
    public string? InstanceTypeFamily { get; init; }

    /// <summary><c>InstanceChargeType</c>: <c>PostPaid</c> (pay-as-you-go) or <c>PrePaid</c> (subscription); see <see cref="EcsInstanceChargeType"/>.</summary>
    public string? InstanceChargeType { get; init; }

    /// <summary><c>InternetChargeType</c>: <c>PayByBandwidth</c> or <c>PayByTraffic</c>.</summary>
    public string? InternetChargeType { get; init; }

    /// <summary><c>Status</c>: <c>Pending</c>, <c>Running</c>, <c>Starting</c>, <c>Stopping</c> or <c>Stopped</c>; see <see cref="EcsInstanceStatus"/>.</summary>
    public string? Status { get; init; }

    /// <summary><c>LockReason</c>: instances locked for this reason, for example <c>financial</c> or <c>security</c>; see <see cref="InstanceLockReason"/>.</summary>
    public string? LockReason { get; init; }

    /// <summary><c>ImageId</c>: the image the instances run.</summary>
    public string? ImageId { get; init; }

    /// <summary><c>KeyPairName</c>: the SSH key pair of the instances.</summary>
    public string? KeyPairName { get; init; }

    /// <summary><c>ResourceGroupId</c>: the resource group of the instances.</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary><c>HpcClusterId</c>: the HPC cluster of the instances.</summary>
    public string? HpcClusterId { get; init; }

    /// <summary><c>IoOptimized</c>: whether the instances are I/O optimized.</summary>
    public bool? IoOptimized { get; init; }

    /// <summary><c>DeviceAvailable</c> (current API revision): whether data disks can be attached to the instances.</summary>
    public bool? DeviceAvailable { get; init; }

    /// <summary><c>NeedSaleCycle</c> (current API revision): whether the answer includes each instance's billing cycle.</summary>
    public bool? NeedSaleCycle { get; init; }

    /// <summary><c>InnerIpAddresses</c>: up to 100 internal IP addresses of classic-network instances, sent as one JSON array.</summary>
    public IReadOnlyList<string>? InnerIpAddresses { get; init; }

    /// <summary><c>PrivateIpAddresses</c>: up to 100 private IP addresses of VPC instances, sent as one JSON array.</summary>
    public IReadOnlyList<string>? PrivateIpAddresses { get; init; }

    /// <summary><c>PublicIpAddresses</c>: up to 100 public IP addresses, sent as one JSON array.</summary>
    public IReadOnlyList<string>? PublicIpAddresses { get; init; }

    /// <summary><c>EipAddresses</c>: up to 100 elastic IP addresses, sent as one JSON array.</summary>
    public IReadOnlyList<string>? EipAddresses { get; init; }

    /// <summary><c>RdmaIpAddresses</c>: the RDMA IP addresses of HPC instances.</summary>
    public string? RdmaIpAddresses { get; init; }

    /// <summary><c>Tag.N.Key</c> and <c>Tag.N.Value</c>: up to 20 tags the instances carry.</summary>
    public IReadOnlyList<EcsTag>? Tags { get; init; }

    /// <summary><c>Filter.N.Key</c> and <c>Filter.N.Value</c> (current API revision): time filters such as <c>CreationStartTime</c>.</summary>
    public IReadOnlyList<EcsTag>? Filters { get; init; }

    /// <summary><c>AdditionalAttributes.N</c>: up to 20 extra attributes to return, for example <c>META_OPTIONS</c>.</summary>
    public IReadOnlyList<string>? AdditionalAttributes { get; init; }

    /// <summary><c>HttpEndpoint</c>: instances whose metadata channel is <c>enabled</c> or <c>disabled</c>.</summary>
    public string? HttpEndpoint { get; init; }

    /// <summary><c>HttpTokens</c>: instances whose metadata access is <c>optional</c> or <c>required</c> (IMDSv2).</summary>
    public string? HttpTokens { get; init; }

    /// <summary><c>HttpPutResponseHopLimit</c> (current API revision): documented as not yet available.</summary>
    public int? HttpPutResponseHopLimit { get; init; }

    /// <summary>
    /// <c>DryRun</c>: with <see langword="true"/> the service only checks the request (credentials, permissions,
    /// parameters). A request that passes is answered with <c>DryRunOperation</c>, which the client returns as a response
    /// whose <see cref="DescribeInstancesResponse.DryRun"/> is <see langword="true"/> and which lists no instance.
    /// </summary>
    public bool? DryRun { get; init; }

    /// <summary>Checks every documented rule; throws <see cref="ArgumentException"/> naming the parameter and the rule.</summary>
    internal void Validate()
    {
        RequestRules.RegionId(RegionId, nameof(RegionId), required: true);
        RequestRules.Items(InstanceIds, MaxItems, nameof(InstanceIds), "InstanceIds");
        RequestRules.Optional(NextToken, nameof(NextToken), "NextToken");
        RequestRules.Between(MaxResults, 1, MaxItems, nameof(MaxResults), "MaxResults");
        RequestRules.Between(PageNumber, 1, int.MaxValue, nameof(PageNumber), "PageNumber");
        RequestRules.Between(PageSize, 1, MaxItems, nameof(PageSize), "PageSize");
        RequestRules.Items(InnerIpAddresses, MaxItems, nameof(InnerIpAddresses), "InnerIpAddresses");
        RequestRules.Items(PrivateIpAddresses, MaxItems, nameof(PrivateIpAddresses), "PrivateIpAddresses");
        RequestRules.Items(PublicIpAddresses, MaxItems, nameof(PublicIpAddresses), "PublicIpAddresses");
        RequestRules.Items(EipAddresses, MaxItems, nameof(EipAddresses), "EipAddresses");
        RequestRules.Items(AdditionalAttributes, 20, nameof(AdditionalAttributes), "AdditionalAttributes.N");
        RequestRules.Tags(Tags, 20, nameof(Tags), "Tag");
        RequestRules.Tags(Filters, int.MaxValue, nameof(Filters), "Filter");
        foreach (var (value, property) in new[]
        {
            (ZoneId, nameof(ZoneId)), (VpcId, nameof(VpcId)), (VSwitchId, nameof(VSwitchId)),
            (InstanceNetworkType, nameof(InstanceNetworkType)), (SecurityGroupId, nameof(SecurityGroupId)),
            (InstanceName, nameof(InstanceName)), (InstanceType, nameof(InstanceType)),
            (InstanceTypeFamily, nameof(InstanceTypeFamily)), (InstanceChargeType, nameof(InstanceChargeType)),
            (InternetChargeType, nameof(InternetChargeType)), (Status, nameof(Status)), (LockReason, nameof(LockReason)),
            (ImageId, nameof(ImageId)), (KeyPairName, nameof(KeyPairName)), (ResourceGroupId, nameof(ResourceGroupId)),
            (HpcClusterId, nameof(HpcClusterId)), (RdmaIpAddresses, nameof(RdmaIpAddresses)),
            (HttpEndpoint, nameof(HttpEndpoint)), (HttpTokens, nameof(HttpTokens)),
        })
        {
            RequestRules.Optional(value, property, property);
        }
    }
}
