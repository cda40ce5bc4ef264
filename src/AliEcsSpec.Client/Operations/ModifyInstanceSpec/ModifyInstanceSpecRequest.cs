
namespace AliEcsSpec.Client;

/// <summary>
/// Changes the instance type or the public bandwidth of a pay-as-you-go instance: <c>ModifyInstanceSpec</c>. One call
/// changes either the instance type (the instance must be <c>Stopped</c>) or the bandwidth (<c>Running</c> or
/// <c>Stopped</c>), not both. The account must have no arrears. The newer revision (Simplified Chinese) allows one
/// change per instance every five minutes; the older one (English) only waits five minutes between two downgrades.
/// </summary>
public sealed record ModifyInstanceSpecRequest
{
    /// <summary>
    /// <c>RegionId</c>: the region of the instance. Optional; when unset the endpoint of
    /// <see cref="EcsSpecClientOptions.RegionId"/> is used and no <c>RegionId</c> is sent.
    /// </summary>
    public string? RegionId { get; init; }

    /// <summary><c>InstanceId</c> (required): the instance to change.</summary>
    public required string InstanceId { get; init; }

    /// <summary><c>InstanceType</c>: the new instance type, for example <c>ecs.g6.large</c>. Excludes the bandwidth parameters.</summary>
    public string? InstanceType { get; init; }

    /// <summary><c>InternetMaxBandwidthOut</c>: the new maximum outbound public bandwidth, 0 to 100 Mbit/s.</summary>
    public int? InternetMaxBandwidthOut { get; init; }

    /// <summary>
    /// <c>InternetMaxBandwidthIn</c>: the new maximum inbound public bandwidth in Mbit/s. The older revision (English)
    /// allows 1 to 200; the newer one (Simplified Chinese) 1 to 10 when the outbound bandwidth is at most 10 Mbit/s,
    /// else 1 to the outbound bandwidth. The client refuses only what both refuse (outside 1 to 200) and leaves the
    /// rest to the service.
    /// </summary>
    public int? InternetMaxBandwidthIn { get; init; }

    /// <summary>
    /// <c>Temporary.StartTime</c>: start of a temporary bandwidth upgrade, sent in UTC to the second. Given with
    /// <see cref="TemporaryEndTime"/>.
    /// </summary>
    public DateTimeOffset? TemporaryStartTime { get; init; }

    /// <summary><c>Temporary.EndTime</c>: end of a temporary bandwidth upgrade, sent in UTC to the second; after the start.</summary>
    public DateTimeOffset? TemporaryEndTime { get; init; }

    /// <summary>
    /// <c>Temporary.InternetMaxBandwidthOut</c>: the temporary maximum outbound bandwidth, 1 to 100 Mbit/s. Needs
    /// the window (<see cref="TemporaryStartTime"/>, <see cref="TemporaryEndTime"/>); no revision requires it with
    /// the window, so a window without it is sent and the service answers.
    /// </summary>
    public int? TemporaryInternetMaxBandwidthOut { get; init; }

    /// <summary><c>Async</c>: submit the change asynchronously (service default <see langword="false"/>).</summary>
    public bool? Async { get; init; }

    /// <summary><c>AllowMigrateAcrossZone</c>: allow a cross-cluster upgrade (service default <see langword="false"/>).</summary>
    public bool? AllowMigrateAcrossZone { get; init; }

    /// <summary><c>SystemDisk.Category</c>: the new system disk category, for a retired non-I/O optimized type upgraded to an I/O optimized one.</summary>
    public SystemDiskCategory? SystemDiskCategory { get; init; }

    /// <summary><c>ClientToken</c>: makes the call idempotent. ASCII, 1 to 64 characters, unique per change.</summary>
    public string? ClientToken { get; init; }

    /// <summary>
    /// <c>DryRun</c> (current API revision): with <see langword="true"/> the service only checks the request (parameters,
    /// limits, stock) and changes nothing. A request that would succeed is answered with <c>DryRunOperation</c>, which
    /// the client returns as a response whose <see cref="ModifyInstanceSpecResponse.DryRun"/> is <see langword="true"/>;
    /// a request that would fail gets its usual error.
    /// </summary>
    public bool? DryRun { get; init; }

    /// <summary><c>ModifyMode</c> (current API revision): documented as not publicly available.</summary>
    public string? ModifyMode { get; init; }

    /// <summary><c>Disk.N.*</c> (current API revision): disks to change with the instance type; documented as not publicly available.</summary>
    public IReadOnlyList<ModifyInstanceSpecDisk>? Disks { get; init; }

    private bool ChangesBandwidth =>
        InternetMaxBandwidthOut is not null || InternetMaxBandwidthIn is not null
        || TemporaryInternetMaxBandwidthOut is not null || TemporaryStartTime is not null || TemporaryEndTime is not null;

    private bool AsksForSomething => InstanceType is not null || ChangesBandwidth || Disks is { Count: > 0 } || DryRun == true;

    /// <summary>Checks every documented rule; throws <see cref="ArgumentException"/> naming the parameter and the rule.</summary>
    internal void Validate()
    {
        RequestRules.RegionId(RegionId, nameof(RegionId), required: false);
        RequestRules.Required(InstanceId, nameof(InstanceId), "InstanceId");
        RequestRules.Optional(InstanceType, nameof(InstanceType), "InstanceType");
        RequestRules.Range(InternetMaxBandwidthOut, 0, 100, nameof(InternetMaxBandwidthOut), "InternetMaxBandwidthOut");
        RequestRules.Range(InternetMaxBandwidthIn, 1, 200, nameof(InternetMaxBandwidthIn), "InternetMaxBandwidthIn");
        RequestRules.Range(TemporaryInternetMaxBandwidthOut, 1, 100, nameof(TemporaryInternetMaxBandwidthOut), "Temporary.InternetMaxBandwidthOut");
        RequestRules.Defined(SystemDiskCategory, nameof(SystemDiskCategory), "SystemDisk.Category");
        RequestRules.ClientToken(ClientToken, nameof(ClientToken));
        RequestRules.Optional(ModifyMode, nameof(ModifyMode), "ModifyMode");
        RequestRules.Disks(Disks, static d => (d.DiskId, d.Category, d.PerformanceLevel), nameof(Disks), categoryRequiredWithDiskId: false);

        // Both revisions: "you can only change either the instance type or the public bandwidth each time".
        if (InstanceType is not null && ChangesBandwidth)
        {
            throw new ArgumentException(
                "ModifyInstanceSpec changes either the instance type or the public bandwidth in one call, not both: " +
                "send InstanceType in one call and the InternetMaxBandwidth*/Temporary.* parameters in another.",
                nameof(InstanceType));
        }

        // Not a documented rule but a request that asks the service for nothing: no type, bandwidth, disk or dry run.
        if (!AsksForSomething)
        {
            throw new ArgumentException(
                "ModifyInstanceSpec asks for nothing: set InstanceType, InternetMaxBandwidthOut, InternetMaxBandwidthIn, " +
                "a temporary bandwidth upgrade (Temporary.*), Disks, or DryRun.",
                nameof(InstanceType));
        }

        // Both revisions document MissingTemporary.StartTime and MissingTemporary.EndTime.
        if ((TemporaryStartTime is null) != (TemporaryEndTime is null))
        {
            var missing = TemporaryStartTime is null ? nameof(TemporaryStartTime) : nameof(TemporaryEndTime);
            throw new ArgumentException(
                $"Temporary.StartTime and Temporary.EndTime go together; {missing} is missing.", missing);
        }

        if (TemporaryInternetMaxBandwidthOut is not null && TemporaryStartTime is null)
        {
            throw new ArgumentException(
                "Temporary.InternetMaxBandwidthOut needs Temporary.StartTime and Temporary.EndTime.", nameof(TemporaryStartTime));
        }

        if (TemporaryStartTime is { } start && TemporaryEndTime is { } end && Truncated(end) <= Truncated(start))
        {
            throw new ArgumentException(
                "Temporary.EndTime must be after Temporary.StartTime (both are sent to the second).",
                nameof(TemporaryEndTime));
        }
    }

    private static long Truncated(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerSecond;
}
