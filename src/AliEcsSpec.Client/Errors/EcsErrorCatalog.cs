using System.Collections.Frozen;

namespace AliEcsSpec.Client.Errors;

/// <summary>
/// The single source of truth for what the library knows about an error code: its family (and so its exception
/// type) and whether it may be retried. Built from the five API documents of ModifyPrepayInstanceSpec and
/// ModifyInstanceSpec (older and newer revisions, Simplified Chinese, Traditional Chinese and English), the documents
/// of the operations around a resize (<see cref="ResizeOperationDefinitions"/>), plus the common RPC codes every
/// action can return.
/// </summary>
internal static partial class EcsErrorCatalog
{
    /// <summary>The operation name used for codes that any RPC action can return.</summary>
    public const string AnyOperation = "*";

    /// <summary>
    /// The answer to a dry run that would have succeeded (<c>DryRun=true</c>, current API revision): the service
    /// reports the success as an error document with this code, so it has no family; the operation that asked for
    /// the dry run turns it into its response.
    /// </summary>
    public const string DryRunOperation = nameof(DryRunOperation);

    /// <summary>Every known definition, in document order.</summary>
    public static IReadOnlyList<EcsErrorDefinition> Definitions { get; } =
    [
        // ModifyPrepayInstanceSpec: every code in the documents for this operation, with each documented HTTP status.
        new("ModifyPrepayInstanceSpec", "Account.Arrearage", EcsErrorFamily.Billing, EcsRetryClass.None, [400], "Your account has an outstanding payment."),
        new("ModifyPrepayInstanceSpec", "IdempotenceParamNotMatch", EcsErrorFamily.IdempotencyMismatch, EcsRetryClass.None, [400], "Request uses a client token in a previous request but is not identical to that request."),
        new("ModifyPrepayInstanceSpec", "InvalidBillingMethod.ValueNotSupported", EcsErrorFamily.Billing, EcsRetryClass.None, [400], "The operation is not permitted due to an invalid billing method of the instance."),
        new("ModifyPrepayInstanceSpec", "InvalidClientToken.ValueNotSupported", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The ClientToken provided is invalid."),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.UnpaidOrder", EcsErrorFamily.Billing, EcsRetryClass.None, [400], "The specified Instance has unpaid order."),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [400, 404], "The specified InstanceId does not exist."),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceId.Released", EcsErrorFamily.NotFound, EcsRetryClass.None, [400], "The specified Instance has been released."),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.ValueNotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400, 403], "The specified InstanceType is not supported."),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.ValueUnauthorized", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [400, 401], "The specified InstanceType is not authorized."),
        new("ModifyPrepayInstanceSpec", "MissingParameter.InstanceIdNotSupported", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The InstanceId should not be null."),
        new("ModifyPrepayInstanceSpec", "MissingParameter.RegionId", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The RegionId should not be null."),
        new("ModifyPrepayInstanceSpec", "OrderCreationFailed", EcsErrorFamily.Billing, EcsRetryClass.Transient, [400], "Order creation failed, please check your params and try it again later."),
        new("ModifyPrepayInstanceSpec", "Throttling", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400, 403], "You have made too many requests within a short time; your request is denied due to request throttling."),
        new("ModifyPrepayInstanceSpec", "ImageNotSupportInstanceType", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The specified image does not support the specified InstanceType."),
        new("ModifyPrepayInstanceSpec", "InvalidAccountStatus.NotEnoughBalance", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "Your account does not have enough balance."),
        new("ModifyPrepayInstanceSpec", "InvalidBillingMethod", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "The specified billing method is invalid."),
        new("ModifyPrepayInstanceSpec", "InvalidUser.PassRoleForbidden", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [403], "The RAM user does not have privilege to pass a role."),
        new("ModifyPrepayInstanceSpec", "BillingMethodNotFound", EcsErrorFamily.Billing, EcsRetryClass.None, [404], "The account has not chosen any billing method."),
        new("ModifyPrepayInstanceSpec", "InvalidRegionId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The specified RegionId does not exist."),
        new("ModifyPrepayInstanceSpec", "InternalError", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [500], "The request processing has failed due to some unknown error, exception or failure."),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.PurchaseNotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [400], "The specified instance has no purchase history."),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.NotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "The specified InstanceType is not Supported."),
        new("ModifyPrepayInstanceSpec", "InvalidRebootTime.MalFormed", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified rebootTime is not valid."),
        new("ModifyPrepayInstanceSpec", "InvalidRebootTime.ValueNotSupported", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified RebootTime is not valid."),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceChargeType.ValueNotSupported", EcsErrorFamily.Billing, EcsRetryClass.None, [400], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidStatus.NotStopped", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400], "Instance status must be stopped."),
        new("ModifyPrepayInstanceSpec", "InvalidAction", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "%s"),
        new("ModifyPrepayInstanceSpec", "InstanceDowngrade.QuotaExceed", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [400], "Quota of instance downgrade is exceed."),
        new("ModifyPrepayInstanceSpec", "InvalidParameter", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "%s"),
        new("ModifyPrepayInstanceSpec", "OperationDenied", EcsErrorFamily.OperationDenied, EcsRetryClass.None, [400, 403], "The current user does not support this operation."),
        new("ModifyPrepayInstanceSpec", "LastOrderProcessing", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400], "The previous order is still processing, please try again later."),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.VpcHasEnabledAdvancedNetworkFeature", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "The specified vpc has enabled advanced network feature."),
        new("ModifyPrepayInstanceSpec", "InvalidAction.WithActiveElasticUpgrade", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400], "The instance has active Elastic Upgrade."),
        new("ModifyPrepayInstanceSpec", "InstanceTypeNotSupported.TooManyDisksAttached", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "%s"),
        new("ModifyPrepayInstanceSpec", "QuotaExceed.DiskCapacity", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [400], "The used capacity of disk type has exceeded the quota in the zone, %s."),
        new("ModifyPrepayInstanceSpec", "MissingParameter.DiskCategory", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified parameter Disk.Category can not be null when Disk.DiskId is specified."),
        new("ModifyPrepayInstanceSpec", "InvalidParameter.DiskCategory", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified parameter Disk.Category is not valid."),
        new("ModifyPrepayInstanceSpec", "InvalidPerformanceLevel.Malformed", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified parameter Disk.n.PerformanceLevel is not valid."),
        new("ModifyPrepayInstanceSpec", "InvalidSystemDiskCategory.NotMatchInstanceType", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "The system disk category does not match the instance type."),
        new("ModifyPrepayInstanceSpec", "QuotaExceed.RufundVcpu", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [400], "The maximum number of refunded vcpu is exceeded: %s ."),
        new("ModifyPrepayInstanceSpec", "NoPermission.Price", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [400], "The operation requires price permission."),
        new("ModifyPrepayInstanceSpec", "NoPermission.Refund", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [400], "The operation requires refund permission."),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceStatus", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400, 403], "The current status of the instance does not support this operation."),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.InstanceRenewWithDowngradeInPlan", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400], "The operation is denied due to the specified instance has renew with downgrade record in plan."),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.OnlineModificationUnsupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "Online modification of instance type is not supported for the specified instance due to its CPU topology."),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.NotSupportCpuOptionsNestedVirtualization", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "The specified instance type does not support CpuOptions.NestedVirtualization: %s."),
        new("ModifyPrepayInstanceSpec", "ImageOrderFailed", EcsErrorFamily.Billing, EcsRetryClass.None, [500], "Create marketplace image order failed."),
        new("ModifyPrepayInstanceSpec", "OperationDenied.NoStock", EcsErrorFamily.Capacity, EcsRetryClass.None, [403], "The specified instance is out of usage."),
        new("ModifyPrepayInstanceSpec", "InstanceType.Offline", EcsErrorFamily.Capacity, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "IncorrectInstanceStatus", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The current status of the resource does not support this operation."),
        new("ModifyPrepayInstanceSpec", "InvalidParameter.InstanceId", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.StarterPackage", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "StarterPackage not support modification."),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.PreInstanceExpired", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "Instance business status is not Expired."),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.EipNotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The special instance with eip not support operate, please unassociate eip first."),
        new("ModifyPrepayInstanceSpec", "OperationDenied.ImageNotValid", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [403], "The specified image is not authorized."),
        new("ModifyPrepayInstanceSpec", "OperationDenied.LocalDiskUnsupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The configuration change is not allowed when the specified instance has local disks mounted."),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.EniCountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.Ipv4CountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.Ipv6CountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.Ipv6NotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.Ipv4NotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidInstance.NotFoundSystemDisk", EcsErrorFamily.NotFound, EcsRetryClass.None, [403], "The specified instance has no system disk."),
        new("ModifyPrepayInstanceSpec", "InvalidInstanceType.NotSupportDiskCategory", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The instanceType of the specified instance does not support this disk category."),
        new("ModifyPrepayInstanceSpec", "QuotaExceed.ElasticQuota", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "No additional quota is available for the specified ECS instance type."),
        new("ModifyPrepayInstanceSpec", "InvalidResourceType.NotSupported", EcsErrorFamily.Capacity, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.MaxEniQueueNumberExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.ExceedInstanceTypeQueueNumber", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "InvalidParameter.InvalidEniQueueNumber", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403], "%s"),
        new("ModifyPrepayInstanceSpec", "HibernationConfigured.InstanceOperationForbidden", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The operation is not permitted due to limit of the hibernation configured instance."),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.MaxModifyOnlineNumberExceeded", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The specified instance has reached the maximum number of modify online attempts and needs to be rebooted."),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.RebootingRequired", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The specified instance needs to be rebooted."),
        new("ModifyPrepayInstanceSpec", "InvalidOperation.OSTypeNotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The specified OS type is not supported."),
        new("ModifyPrepayInstanceSpec", "OperationDenied.UnpaidOrder", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "The specified instance has unpaid order."),
        new("ModifyPrepayInstanceSpec", "InvalidDisk.DetachedSystemDisk", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The specified resource is/has a detached system disk %s , not support current operation."),
        new("ModifyPrepayInstanceSpec", "InvalidDataDiskCategory.ValueNotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The specified Category of Data Disk is not valid."),
        new("ModifyPrepayInstanceSpec", "InvalidDiskCategory.NotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The upgrade operation of instance does not support this category of disk."),
        // A 5xx may come after the service acted, so this one is retried like ServiceUnavailable: only with a ClientToken.
        new("ModifyPrepayInstanceSpec", "LimitedOperation.ServiceUnavailable", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [503], "The service is currently unavailable."),
        // ModifyInstanceSpec: every code in the documents for this operation, with each documented HTTP status.
        new("ModifyInstanceSpec", "InvalidInternetChargeType.ValueNotSupported", EcsErrorFamily.Billing, EcsRetryClass.None, [400], "The specified InternetChargeType is not valid."),
        new("ModifyInstanceSpec", "InvalidInstanceType.ValueUnauthorized", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [400], "The specified InstanceType does not exist or beyond the permitted range."),
        new("ModifyInstanceSpec", "InvalidInstanceId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The specified InstanceId does not exist."),
        new("ModifyInstanceSpec", "InvalidInstanceType.ValueNotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400, 403], "The specified InstanceType does not exist or beyond the permitted range."),
        new("ModifyInstanceSpec", "InvalidParameter", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified parameter \"InternetMaxBandwidthOut\" is not valid."),
        new("ModifyInstanceSpec", "InvalidParameter.Mismatch", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "Too many parameters in one request."),
        new("ModifyInstanceSpec", "CategoryViolation", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The specified instance does not support this operation because of its disk category."),
        new("ModifyInstanceSpec", "InvalidStatus.ValueNotSupported", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The current status of the resource does not support this operation."),
        new("ModifyInstanceSpec", "InstanceLockedForSecurity", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The specified operation is denied as your instance is locked for security reasons."),
        new("ModifyInstanceSpec", "InternalError", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [500], "The request processing has failed due to some unknown error, exception or failure."),
        new("ModifyInstanceSpec", "InvalidAccountStatus.NotEnoughBalance", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "Your account does not have enough balance."),
        new("ModifyInstanceSpec", "ChargeTypeViolation", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "The operation is not permitted due to charge type of the instance."),
        new("ModifyInstanceSpec", "OperationDenied", EcsErrorFamily.OperationDenied, EcsRetryClass.None, [403], "The specified instance is out of usage."),
        new("ModifyInstanceSpec", "BandwidthUpgradeDenied.EipBoundInstance", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "The specified VPC instance has bound EIP, temporary bandwidth upgrade is denied."),
        new("ModifyInstanceSpec", "MissingTemporary.StartTime", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "Temporary.StartTime is not specified."),
        new("ModifyInstanceSpec", "MissingTemporary.EndTime", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "Temporary.EndTime is not specified."),
        new("ModifyInstanceSpec", "InvalidTemporary.StartTime", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specifed Temporary.StartTime is not valid."),
        new("ModifyInstanceSpec", "InvalidTemporary.EndTime", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specifed Temporary.EndTime is not valid."),
        new("ModifyInstanceSpec", "LastTokenProcessing", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [403], "The last token request is processing."),
        new("ModifyInstanceSpec", "Downgrade.NotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "Downgrade operation is not supported."),
        new("ModifyInstanceSpec", "InstanceSpecModification.NotEffective", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The specified instance has been reserved for making a spec modification and not taken effective in the current contract period."),
        new("ModifyInstanceSpec", "DependencyViolation.InstanceType", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "The current InstanceType cannot be changed to the specified InstanceType."),
        new("ModifyInstanceSpec", "ImageNotSupportInstanceType", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The specified image do not support the InstanceType instance."),
        new("ModifyInstanceSpec", "Account.Arrearage", EcsErrorFamily.Billing, EcsRetryClass.None, [400], "Your account has an outstanding payment."),
        new("ModifyInstanceSpec", "InvalidParameter.Bandwidth", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified parameter Bandwidth is not valid."),
        new("ModifyInstanceSpec", "InvalidParameter.Conflict", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "The specified image does not support the specified instance type."),
        new("ModifyInstanceSpec", "InvalidParameter.AllowMigrateAcrossZone", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified parameter CanMigrateAcrossZone is not valid."),
        new("ModifyInstanceSpec", "InvalidParam.SystemDiskCategory", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified param SystemDisk.Category is not valid."),
        // The newer revision (003) documents Throttling only with this message: its rule of one successful change per
        // instance in five minutes, which no retry within seconds can clear. Told apart from rate throttling (the
        // common Throttling below) by the message alone.
        new("ModifyInstanceSpec", "Throttling", EcsErrorFamily.Throttling, EcsRetryClass.None, [400], "Request was denied due to request throttling, please try again after 5 minutes.")
        {
            IdentifyingPhrase = "try again after 5 minutes",
            Advice = "ECS allows one successful ModifyInstanceSpec change per instance in five minutes: the instance can be changed again five minutes after its last successful change, so the client did not retry",
        },
        new("ModifyInstanceSpec", "InvalidInstanceStatus.NotStopped", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [400], "The specified Instance status is not stopped."),
        new("ModifyInstanceSpec", "InstanceType.Offline", EcsErrorFamily.Capacity, EcsRetryClass.None, [403], "The specified InstanceType has been offline"),
        new("ModifyInstanceSpec", "InvalidAction", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "Specified action is not valid."),
        new("ModifyInstanceSpec", "IdempotenceParamNotMatch", EcsErrorFamily.IdempotencyMismatch, EcsRetryClass.None, [400], "There is a idempotence signature mismatch between this and last request."),
        new("ModifyInstanceSpec", "InvalidClientToken.ValueNotSupported", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The ClientToken provided is invalid."),
        new("ModifyInstanceSpec", "Price.PricePlanResultNotFound", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The internetMaxBandwidthIn or internetMaxBandwidthOut provided is invalid."),
        new("ModifyInstanceSpec", "InvalidParameter.NotMatch", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403], "%s"),
        new("ModifyInstanceSpec", "InvalidInstance.EipNotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The specified instance with eip is not supported, please unassociate eip first."),
        new("ModifyInstanceSpec", "InvalidAction.NotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "The ecs on dedicatedHost not support modify instanceType."),
        new("ModifyInstanceSpec", "InvalidMarketImageStatus.NotSupported", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "The status of specified market image does not support this operation."),
        new("ModifyInstanceSpec", "OperationDenied.NoStock", EcsErrorFamily.Capacity, EcsRetryClass.None, [403], "The resource is out of usage."),
        new("ModifyInstanceSpec", "InvalidOperation.Ipv4CountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "%s"),
        new("ModifyInstanceSpec", "InvalidOperation.Ipv6CountExceeded", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "%s"),
        new("ModifyInstanceSpec", "InvalidOperation.Ipv6NotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "%s"),
        new("ModifyInstanceSpec", "InvalidOperation.InstanceWithEipNotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "The special instance with eip not support operate, please unassociate eip first."),
        new("ModifyInstanceSpec", "SecurityRisk.3DVerification", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "We have detected a security risk with your default credit or debit card."),
        new("ModifyInstanceSpec", "InvalidInstanceChargeType.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The InstanceChargeType does not exist in our records"),
        new("ModifyInstanceSpec", "QuotaExceed.ElasticQuota", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "No additional quota is available for the specified ECS instance type."),
        .. ResizeOperationDefinitions(),
        // Common RPC errors (Alibaba Cloud's common error codes): authentication and request-level failures
        // that any action can answer. Not in the operation documents, but the service returns them.
        new(AnyOperation, "SignatureDoesNotMatch", EcsErrorFamily.Authentication, EcsRetryClass.None, [400], "Specified signature is not matched with our calculation."),
        new(AnyOperation, "IncompleteSignature", EcsErrorFamily.Authentication, EcsRetryClass.None, [400], "The request signature does not conform to Aliyun standards."),
        new(AnyOperation, "SignatureNonceUsed", EcsErrorFamily.Authentication, EcsRetryClass.ResignOnce, [400], "Specified signature nonce was used already."),
        new(AnyOperation, "InvalidTimeStamp.Expired", EcsErrorFamily.Authentication, EcsRetryClass.ResignWithServerClock, [400], "Specified time stamp or date value is expired."),
        new(AnyOperation, "InvalidTimeStamp.Format", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "Specified time stamp or date value is not well formatted."),
        new(AnyOperation, "InvalidAccessKeyId.NotFound", EcsErrorFamily.Authentication, EcsRetryClass.None, [404], "Specified access key is not found."),
        new(AnyOperation, "InvalidAccessKeyId.Inactive", EcsErrorFamily.Authentication, EcsRetryClass.None, [400], "Specified access key is disabled."),
        new(AnyOperation, "InvalidSecurityToken.Expired", EcsErrorFamily.Authentication, EcsRetryClass.None, [400], "Specified SecurityToken is expired."),
        new(AnyOperation, "InvalidSecurityToken.MalFormed", EcsErrorFamily.Authentication, EcsRetryClass.None, [400], "Specified SecurityToken is malformed."),
        new(AnyOperation, "InvalidSecurityToken.Mismatch", EcsErrorFamily.Authentication, EcsRetryClass.None, [400], "Specified SecurityToken is not matched with the AccessKeyId."),
        new(AnyOperation, "Forbidden.AccessKeyDisabled", EcsErrorFamily.Authentication, EcsRetryClass.None, [403], "The AccessKey is disabled."),
        new(AnyOperation, "Forbidden.RAM", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [403], "User not authorized to operate on the specified resource, or this API does not support RAM."),
        // Documented for ModifyPrepayInstanceSpec; any action that takes a RegionId answers it (ModifyInstanceSpec too).
        new(AnyOperation, "InvalidRegionId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The specified RegionId does not exist."),
        new(AnyOperation, "MissingParameter", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The input parameter that is mandatory for processing this request is not supplied."),
        new(AnyOperation, "InvalidParameter", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified parameter is not valid."),
        new(AnyOperation, "UnsupportedHTTPMethod", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "This http method is not supported."),
        new(AnyOperation, "InvalidAction", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [400], "Specified action is not valid."),
        new(AnyOperation, "Throttling", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400, 403, 429], "Request was denied due to request throttling."),
        new(AnyOperation, "Throttling.User", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400, 429], "Request was denied due to user flow control."),
        new(AnyOperation, "Throttling.Api", EcsErrorFamily.Throttling, EcsRetryClass.Throttled, [400, 429], "Request was denied due to api flow control."),
        new(AnyOperation, "InternalError", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [500], "The request processing has failed due to some unknown error."),
        new(AnyOperation, "ServiceUnavailable", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [503], "The request has failed due to a temporary failure of the server."),
    ];

    private static readonly FrozenDictionary<(string Operation, string Code), EcsErrorDefinition> ByOperationAndCode =
        Definitions.ToFrozenDictionary(d => (d.Operation, d.Code));

    private static readonly FrozenSet<string> ReadOnlyActions =
        new[] { "DescribeInstances", "DescribeResourcesModification" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Finds the definition of <paramref name="code"/> for <paramref name="operation"/>, falling back to the common
    /// codes. A definition with an <see cref="EcsErrorDefinition.IdentifyingPhrase"/> applies only to a message that
    /// contains it. Returns <see langword="null"/> for a code the documents do not list.
    /// </summary>
    public static EcsErrorDefinition? Find(string operation, string code, string? message) =>
        ByOperationAndCode.GetValueOrDefault((operation, code)) is { } own && Applies(own, message)
            ? own
            : ByOperationAndCode.GetValueOrDefault((AnyOperation, code));

    private static bool Applies(EcsErrorDefinition definition, string? message) =>
        definition.IdentifyingPhrase is not { } phrase
        || (message is not null && message.Contains(phrase, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether repeating a call whose request may have reached the service is safe: it carried a ClientToken (the
    /// service answers a repeat with the first outcome), or its action only reads (a repeat changes nothing, which is
    /// why the reads document no ClientToken).
    /// </summary>
    /// <param name="operation">The action.</param>
    /// <param name="clientToken">The token the call sent, if any.</param>
    public static bool IsSafeToRepeat(string operation, string? clientToken) =>
        clientToken is not null || ReadOnlyActions.Contains(operation);

    /// <summary>
    /// How an answer may be retried: by its documented code; an undocumented <c>Throttling.*</c> code as throttling;
    /// otherwise (an unknown code, or a body that is not an ECS error document) by status: 429 as throttling and the
    /// gateway and server failures 500, 502, 503 and 504 as transient.
    /// </summary>
    /// <param name="definition">The documented code, if the answer carried one (see <see cref="Find"/>).</param>
    /// <param name="code">The code the answer carried, if any.</param>
    /// <param name="status">The HTTP status.</param>
    public static EcsRetryClass RetryClassOf(EcsErrorDefinition? definition, string? code, int status) =>
        definition?.Retry ?? code switch
        {
            "Throttling" => EcsRetryClass.Throttled,
            not null when code.StartsWith("Throttling.", StringComparison.Ordinal) => EcsRetryClass.Throttled,
            _ => status switch
            {
                429 => EcsRetryClass.Throttled,
                500 or 502 or 503 or 504 => EcsRetryClass.Transient,
                _ => EcsRetryClass.None,
            },
        };
}
