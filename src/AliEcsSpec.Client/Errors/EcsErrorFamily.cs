namespace AliEcsSpec.Client.Errors;

/// <summary>
/// The family an ECS error code belongs to. Each family has its own exception type deriving from
/// <see cref="EcsServiceException"/>, so callers can catch a whole class of failures at once.
/// </summary>
public enum EcsErrorFamily
{
    /// <summary>The request was throttled or an earlier order or token is still being processed; retry later.</summary>
    Throttling,

    /// <summary>The service failed on its side (for example <c>InternalError</c> or HTTP 5xx).</summary>
    ServiceFailure,

    /// <summary>The instance, region or another referenced resource does not exist or was released.</summary>
    NotFound,

    /// <summary>A parameter is missing, malformed or out of range.</summary>
    InvalidParameter,

    /// <summary>The instance is not in a state that allows the change (for example it must be stopped).</summary>
    IncorrectInstanceState,

    /// <summary>A quota or limit would be exceeded (downgrade count, disk capacity, ENI or IP counts, …).</summary>
    QuotaExceeded,

    /// <summary>A billing or payment problem: arrears, insufficient balance, unpaid orders, billing method.</summary>
    Billing,

    /// <summary>The caller lacks a permission (RAM policy, price or refund permission, unauthorized instance type).</summary>
    PermissionDenied,

    /// <summary>The service denied the operation without a more specific reason (<c>OperationDenied</c>).</summary>
    OperationDenied,

    /// <summary>The requested resources are out of stock or the instance type is retired.</summary>
    Capacity,

    /// <summary>The requested change is not supported for this instance, image, disk or network configuration.</summary>
    UnsupportedChange,

    /// <summary>The <c>ClientToken</c> was used before with different parameters.</summary>
    IdempotencyMismatch,

    /// <summary>The request could not be authenticated (signature, AccessKey, timestamp, nonce or security token).</summary>
    Authentication,
}
