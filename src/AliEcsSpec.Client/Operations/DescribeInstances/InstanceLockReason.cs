namespace AliEcsSpec.Client;

/// <summary>The documented reasons in an instance's <c>OperationLocks</c>: why operations on it are refused.</summary>
public static class InstanceLockReason
{
    /// <summary><c>financial</c>: overdue payment.</summary>
    public const string Financial = "financial";

    /// <summary><c>security</c>: locked for security reasons; it can be neither stopped nor started.</summary>
    public const string Security = "security";

    /// <summary><c>recycling</c>: a preemptible instance about to be released.</summary>
    public const string Recycling = "recycling";

    /// <summary><c>dedicatedhostfinancial</c>: overdue payment of its dedicated host.</summary>
    public const string DedicatedHostFinancial = "dedicatedhostfinancial";

    /// <summary><c>refunded</c>: refunded.</summary>
    public const string Refunded = "refunded";
}
