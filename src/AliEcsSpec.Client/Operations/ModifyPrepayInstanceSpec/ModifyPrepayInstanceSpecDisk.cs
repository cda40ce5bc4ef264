namespace AliEcsSpec.Client;

/// <summary>
/// One disk to change together with the instance type (<c>Disk.N.*</c>). The documents mark these parameters as not
/// publicly available yet: the service may reject them.
/// </summary>
public sealed record ModifyPrepayInstanceSpecDisk
{
    /// <summary><c>Disk.N.DiskId</c>: the disk to change. Needs <see cref="Category"/>.</summary>
    public string? DiskId { get; init; }

    /// <summary><c>Disk.N.Category</c>: the new disk category.</summary>
    public string? Category { get; init; }

    /// <summary><c>Disk.N.PerformanceLevel</c>: the new performance level of an ESSD, for example <c>PL1</c>.</summary>
    public string? PerformanceLevel { get; init; }
}
