using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>The answer to <c>DescribeInstances</c>: one page of instances.</summary>
/// <param name="RequestId">The service's request ID.</param>
/// <param name="Instances">The instances of this page (<c>Instances.Instance[]</c>).</param>
/// <param name="TotalCount">How many instances match in all pages.</param>
/// <param name="NextToken">The token of the next page; <see langword="null"/> or empty on the last page.</param>
/// <param name="PageNumber">The page number, when paging by number.</param>
/// <param name="PageSize">The page size, when paging by number.</param>
/// <param name="DryRun">
/// <see langword="true"/> when the request was a dry run (<see cref="DescribeInstancesRequest.DryRun"/>) and the service
/// found that it would succeed (its <c>DryRunOperation</c> answer): <paramref name="Instances"/> is then empty.
/// </param>
public sealed record DescribeInstancesResponse(
    string RequestId,
    IReadOnlyList<EcsInstance> Instances,
    int TotalCount,
    string? NextToken = null,
    int? PageNumber = null,
    int? PageSize = null,
    bool DryRun = false) : IEcsResponse;
