using System.Collections.Frozen;

namespace AliEcsSpec.Client;

/// <summary>
/// The single source of truth for what the library knows about an error code: its family (and so its exception
/// type) and whether it may be retried. Built from the five API documents of ModifyPrepayInstanceSpec and
/// ModifyInstanceSpec (older and newer revisions, Simplified Chinese, Traditional Chinese and English), plus the
/// common RPC codes every action can return.
/// </summary>
internal static class EcsErrorCatalog
{
    /// <summary>The operation name used for codes that any RPC action can return.</summary>
    public const string AnyOperation = "*";

    /// <summary>Every known definition, in document order.</summary>
    public static IReadOnlyList<EcsErrorDefinition> Definitions { get; } =
    [
        // ModifyPrepayInstanceSpec: every code in the documents for this operation, with each documented HTTP status.
        new("ModifyPrepayInstanceSpec", "Account.Arrearage", EcsErrorFamily.Billing, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "IdempotenceParamNotMatch", EcsErrorFamily.IdempotencyMismatch, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidBillingMethod.ValueNotSupported", EcsErrorFamily.Billing, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidClientToken.ValueNotSupported", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.UnpaidOrder", EcsErrorFamily.Billing, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [400, 404]),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceId.Released", EcsErrorFamily.NotFound, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.ValueNotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400, 403]),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.ValueUnauthorized", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [400, 401]),
        new("ModifyPrepayInstanceSpec", "MissingParameter.InstanceIdNotSupported", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "MissingParameter.RegionId", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "OrderCreationFailed", EcsErrorFamily.Billing, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "Throttling", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400, 403]),
        new("ModifyPrepayInstanceSpec", "ImageNotSupportInstanceType", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidAccountStatus.NotEnoughBalance", EcsErrorFamily.Billing, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidBillingMethod", EcsErrorFamily.Billing, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidUser.PassRoleForbidden", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "BillingMethodNotFound", EcsErrorFamily.Billing, EcsRetryClass.None, [404]),
        new("ModifyPrepayInstanceSpec", "InvalidRegionId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404]),
        new("ModifyPrepayInstanceSpec", "InternalError", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [500]),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.PurchaseNotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.NotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidRebootTime.MalFormed", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidRebootTime.ValueNotSupported", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceChargeType.ValueNotSupported", EcsErrorFamily.Billing, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidStatus.NotStopped", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidAction", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InstanceDowngrade.QuotaExceed", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidParameter", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "OperationDenied", EcsErrorFamily.OperationDenied, EcsRetryClass.None, [400, 403]),
        new("ModifyPrepayInstanceSpec", "LastOrderProcessing", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.VpcHasEnabledAdvancedNetworkFeature", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidAction.WithActiveElasticUpgrade", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InstanceTypeNotSupported.TooManyDisksAttached", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "QuotaExceed.DiskCapacity", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "MissingParameter.DiskCategory", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidParameter.DiskCategory", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidPerformanceLevel.Malformed", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidSystemDiskCategory.NotMatchInstanceType", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "QuotaExceed.RufundVcpu", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "NoPermission.Price", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "NoPermission.Refund", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceStatus", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400, 403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.InstanceRenewWithDowngradeInPlan", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.OnlineModificationUnsupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.NotSupportCpuOptionsNestedVirtualization", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyPrepayInstanceSpec", "ImageOrderFailed", EcsErrorFamily.Billing, EcsRetryClass.None, [500]),
        new("ModifyPrepayInstanceSpec", "OperationDenied.NoStock", EcsErrorFamily.Capacity, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InstanceType.Offline", EcsErrorFamily.Capacity, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "IncorrectInstanceStatus", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidParameter.InstanceId", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.StarterPackage", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.PreInstanceExpired", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.EipNotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "OperationDenied.ImageNotValid", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "OperationDenied.LocalDiskUnsupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.EniCountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.Ipv4CountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.Ipv6CountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.Ipv6NotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.Ipv4NotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.NotFoundSystemDisk", EcsErrorFamily.NotFound, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.NotSupportDiskCategory", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "QuotaExceed.ElasticQuota", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidResourceType.NotSupported", EcsErrorFamily.Capacity, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.MaxEniQueueNumberExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.ExceedInstanceTypeQueueNumber", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidParameter.InvalidEniQueueNumber", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "HibernationConfigured.InstanceOperationForbidden", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.MaxModifyOnlineNumberExceeded", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.RebootingRequired", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.OSTypeNotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "OperationDenied.UnpaidOrder", EcsErrorFamily.Billing, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidDisk.DetachedSystemDisk", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidDataDiskCategory.ValueNotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "InvalidDiskCategory.NotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyPrepayInstanceSpec", "LimitedOperation.ServiceUnavailable", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [503]),
        // ModifyInstanceSpec: every code in the documents for this operation, with each documented HTTP status.
        new("ModifyInstanceSpec", "InvalidInternetChargeType.ValueNotSupported", EcsErrorFamily.Billing, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidInstanceType.ValueUnauthorized", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidInstanceId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404]),
        new("ModifyInstanceSpec", "InvalidInstanceType.ValueNotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400, 403]),
        new("ModifyInstanceSpec", "InvalidParameter", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidParameter.Mismatch", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "CategoryViolation", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InvalidStatus.ValueNotSupported", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InstanceLockedForSecurity", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InternalError", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [500]),
        new("ModifyInstanceSpec", "InvalidAccountStatus.NotEnoughBalance", EcsErrorFamily.Billing, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "ChargeTypeViolation", EcsErrorFamily.Billing, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "OperationDenied", EcsErrorFamily.OperationDenied, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "BandwidthUpgradeDenied.EipBoundInstance", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "MissingTemporary.StartTime", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404]),
        new("ModifyInstanceSpec", "MissingTemporary.EndTime", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404]),
        new("ModifyInstanceSpec", "InvalidTemporary.StartTime", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidTemporary.EndTime", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "LastTokenProcessing", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [403]),
        new("ModifyInstanceSpec", "Downgrade.NotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InstanceSpecModification.NotEffective", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "DependencyViolation.InstanceType", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "ImageNotSupportInstanceType", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "Account.Arrearage", EcsErrorFamily.Billing, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidParameter.Bandwidth", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidParameter.Conflict", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidParameter.AllowMigrateAcrossZone", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidParam.SystemDiskCategory", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "Throttling", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400]),
        new("ModifyInstanceSpec", "InvalidInstanceStatus.NotStopped", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InstanceType.Offline", EcsErrorFamily.Capacity, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InvalidAction", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "IdempotenceParamNotMatch", EcsErrorFamily.IdempotencyMismatch, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidClientToken.ValueNotSupported", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "Price.PricePlanResultNotFound", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidParameter.NotMatch", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InvalidInstance.EipNotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InvalidAction.NotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "InvalidMarketImageStatus.NotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new("ModifyInstanceSpec", "OperationDenied.NoStock", EcsErrorFamily.Capacity, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InvalidOperation.Ipv4CountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InvalidOperation.Ipv6CountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InvalidOperation.Ipv6NotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InvalidOperation.InstanceWithEipNotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "SecurityRisk.3DVerification", EcsErrorFamily.Billing, EcsRetryClass.None, [403]),
        new("ModifyInstanceSpec", "InvalidInstanceChargeType.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404]),
        new("ModifyInstanceSpec", "QuotaExceed.ElasticQuota", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403]),
        // Common RPC errors (Alibaba Cloud's common error codes): authentication and request-level failures
        // that any action can answer. Not in the operation documents, but the service returns them.
        new(AnyOperation, "SignatureDoesNotMatch", EcsErrorFamily.Authentication, EcsRetryClass.None, [400]),
        new(AnyOperation, "IncompleteSignature", EcsErrorFamily.Authentication, EcsRetryClass.None, [400]),
        new(AnyOperation, "SignatureNonceUsed", EcsErrorFamily.Authentication, EcsRetryClass.ResignOnce, [400]),
        new(AnyOperation, "InvalidTimeStamp.Expired", EcsErrorFamily.Authentication, EcsRetryClass.ResignOnce, [400]),
        new(AnyOperation, "InvalidTimeStamp.Format", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new(AnyOperation, "InvalidAccessKeyId.NotFound", EcsErrorFamily.Authentication, EcsRetryClass.None, [404]),
        new(AnyOperation, "InvalidAccessKeyId.Inactive", EcsErrorFamily.Authentication, EcsRetryClass.None, [400]),
        new(AnyOperation, "InvalidSecurityToken.Expired", EcsErrorFamily.Authentication, EcsRetryClass.None, [400]),
        new(AnyOperation, "InvalidSecurityToken.MalFormed", EcsErrorFamily.Authentication, EcsRetryClass.None, [400]),
        new(AnyOperation, "InvalidSecurityToken.Mismatch", EcsErrorFamily.Authentication, EcsRetryClass.None, [400]),
        new(AnyOperation, "Forbidden.AccessKeyDisabled", EcsErrorFamily.Authentication, EcsRetryClass.None, [403]),
        new(AnyOperation, "Forbidden.RAM", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [403]),
        new(AnyOperation, "MissingParameter", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new(AnyOperation, "InvalidParameter", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new(AnyOperation, "UnsupportedHTTPMethod", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400]),
        new(AnyOperation, "InvalidAction", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400]),
        new(AnyOperation, "Throttling", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400, 403, 429]),
        new(AnyOperation, "Throttling.User", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400, 429]),
        new(AnyOperation, "Throttling.Api", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400, 429]),
        new(AnyOperation, "InternalError", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [500]),
        new(AnyOperation, "ServiceUnavailable", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [503]),
    ];

    private static readonly FrozenDictionary<(string Operation, string Code), EcsErrorDefinition> ByOperationAndCode =
        Definitions.ToFrozenDictionary(d => (d.Operation, d.Code));

    /// <summary>
    /// Finds the definition of <paramref name="code"/> for <paramref name="operation"/>, falling back to the common
    /// codes. Returns <see langword="null"/> for a code the documents do not list.
    /// </summary>
    public static EcsErrorDefinition? Find(string operation, string code) =>
        ByOperationAndCode.GetValueOrDefault((operation, code)) ?? ByOperationAndCode.GetValueOrDefault((AnyOperation, code));

    /// <summary>
    /// Whether an HTTP status without a known code (an unknown code, or a body that is not an ECS error document)
    /// is worth retrying: the gateway and server failures 500, 502, 503 and 504, and 429.
    /// </summary>
    public static bool IsRetryableStatus(int status) => status is 500 or 502 or 503 or 504 or 429;
}
