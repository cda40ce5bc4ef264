namespace AliEcsSpec.Client;

/// <summary>
/// The new category of the system disk (<c>SystemDisk.Category</c>). Takes effect only when a retired, non-I/O
/// optimized instance type is upgraded to an I/O optimized type of a family still on sale.
/// </summary>
public enum SystemDiskCategory
{
    /// <summary><c>cloud_efficiency</c>: ultra disk.</summary>
    CloudEfficiency,

    /// <summary><c>cloud_ssd</c>: standard SSD.</summary>
    CloudSsd,
}
