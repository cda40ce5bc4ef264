namespace AliEcsSpec.Client;

/// <summary>
/// One disk to change together with the instance type of a pay-as-you-go instance (<c>Disk.N.*</c> of
/// <c>ModifyInstanceSpec</c>, in the current API revision only). Alibaba marks these parameters as not publicly
/// available: the service may reject them.
/// </summary>
public sealed record ModifyInstanceSpecDisk
{
    /// <summary><c>Disk.N.DiskId</c>: the disk to change.</summary>
    public string? DiskId { get; init; }

    /// <summary><c>Disk.N.Category</c>: the new disk category.</summary>
    public string? Category { get; init; }

    /// <summary><c>Disk.N.PerformanceLevel</c>: the new performance level of an ESSD, for example <c>PL1</c>.</summary>
    public string? PerformanceLevel { get; init; }
}
