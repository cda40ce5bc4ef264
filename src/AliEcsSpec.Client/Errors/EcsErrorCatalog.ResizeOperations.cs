namespace AliEcsSpec.Client.Errors;

/// <summary>The rows of the catalog for the operations around a resize (kept apart only for the file's length).</summary>
internal static partial class EcsErrorCatalog
{
    /// <summary>
    /// Every code the documents of <c>DescribeInstances</c>, <c>StopInstance</c>, <c>StartInstance</c> (Alibaba Cloud
    /// API reference, English) and <c>DescribeResourcesModification</c> (the current English reference and the older
    /// Simplified Chinese one) list, with each documented HTTP status. A method, so that the partial files' static
    /// initialisation order cannot matter.
    /// </summary>
    private static EcsErrorDefinition[] ResizeOperationDefinitions() =>
    [
        // DescribeInstances: bad filter values.
        new("DescribeInstances", "InvalidInstanceChargeType.NotFound", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The InstanceChargeType does not exist in our records"),
        new("DescribeInstances", "InvalidInternetChargeType.ValueNotSupported", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified InternetChargeType is not valid"),
        new("DescribeInstances", "InvalidLockReason.NotFound", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified LockReason is not found"),
        new("DescribeInstances", "InvalidFilterKey.NotFound", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "%s"),
        new("DescribeInstances", "InvalidNetworkType.NotFound", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified InstanceNetworkType is not found"),
        new("DescribeInstances", "InvalidStatus.NotFound", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified Status is not found"),
        new("DescribeInstances", "InvalidTag.Mismatch", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified Tag.n.Key and Tag.n.Value are not match."),
        new("DescribeInstances", "InvalidTagCount", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified tags are beyond the permitted range."),
        new("DescribeInstances", "InvalidHpcClusterId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [400], "The specified HpcClusterId is not found."),
        new("DescribeInstances", "InvalidHpcClusterId.Creating", EcsErrorFamily.OperationDenied, EcsRetryClass.None, [400], "The specified HpcClusterId is creating."),
        // StopInstance.
        new("StopInstance", "InvalidInstanceId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The specified InstanceId does not exist."),
        new("StopInstance", "IncorrectInstanceStatus", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The current status of the resource does not support this operation."),
        new("StopInstance", "InstanceLockedForSecurity", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The specified operation is denied as your instance is locked for security reasons."),
        new("StopInstance", "DiskError", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "IncorrectDiskStatus"),
        new("StopInstance", "InternalError", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [500], "The request processing has failed due to some unknown error."),
        new("StopInstance", "InstanceType.ParameterMismatch", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403], "The input parameter ConfirmStop must be true when an instance have localstorage."),
        new("StopInstance", "InstanceExpiredOrInArrears", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode)."),
        // Documented with four messages: classic network, subscription, local disk and preemptible instances.
        new("StopInstance", "InvalidInstanceId.NotSupport", EcsErrorFamily.UnsupportedChange, EcsRetryClass.None, [403], "%s instance does not support this operation."),
        new("StopInstance", "InvalidParameter.KMSKeyId.KMSUnauthorized", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [403], "ECS service have no right to access your KMS."),
        // StartInstance.
        new("StartInstance", "InvalidInstanceId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The specified InstanceId does not exist."),
        new("StartInstance", "IncorrectInstanceStatus", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The current status of the resource does not support this operation."),
        new("StartInstance", "InstanceLockedForSecurity", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "The specified operation is denied as your instance is locked for security reasons."),
        new("StartInstance", "InsufficientBalance", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "Your account does not have enough balance."),
        // "The specified instance cannot be connected for the moment. Try again later."
        new("StartInstance", "InstanceNotReady", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.Transient, [500, 403], "The specified instance is not ready for use."),
        new("StartInstance", "InternalError", EcsErrorFamily.ServiceFailure, EcsRetryClass.Transient, [500], "The request processing has failed due to some unknown error."),
        new("StartInstance", "DiskError", EcsErrorFamily.IncorrectInstanceState, EcsRetryClass.None, [403], "IncorrectDiskStatus."),
        new("StartInstance", "InstanceExpired", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "The postPaid instance has been expired. Please ensure your account have enough balance."),
        new("StartInstance", "DiskInArrears", EcsErrorFamily.Billing, EcsRetryClass.None, [403], "The specified operation is denied as your disk has expired."),
        new("StartInstance", "OperationDenied.NoStock", EcsErrorFamily.Capacity, EcsRetryClass.None, [403], "The requested resource is sold out in the specified zone; try other types of resources or other regions and zones."),
        new("StartInstance", "OperationDenied.SpotPriceLowerThanPublicPrice", EcsErrorFamily.OperationDenied, EcsRetryClass.None, [403], "The spot instance price is lower than public price."),
        new("StartInstance", "InvalidParameter.KMSKeyId.KMSUnauthorized", EcsErrorFamily.PermissionDenied, EcsRetryClass.None, [403], "ECS service have no right to access your KMS."),
        new("StartInstance", "QuotaExceed.ElasticQuota", EcsErrorFamily.QuotaExceeded, EcsRetryClass.None, [403], "No additional quota is available for the specified ECS instance type."),
        // DescribeResourcesModification.
        new("DescribeResourcesModification", "Invalid.OperationType", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400, 404], "The specified operationType is not valid."),
        new("DescribeResourcesModification", "Invalid.Param", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The input parameter DestinationResource that is mandatory for processing this request is not supplied."),
        new("DescribeResourcesModification", "Invalid.InstanceChargeType", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified InstanceChargeType is not valid."),
        new("DescribeResourcesModification", "InvalidCondition.Malformed", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified Condition is not valid."),
        new("DescribeResourcesModification", "InvalidRegionId.MalFormed", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [400], "The specified parameter RegionId is not valid."),
        new("DescribeResourcesModification", "InvalidDedicatedHostId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [403], "The specified DedicatedHostId does not exist in our records."),
        new("DescribeResourcesModification", "InvalidParam.TypeAndCpuMem.Conflict", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403], "The specified 'InstanceType' and 'Cores','Memory' are not blank at the same time."),
        new("DescribeResourcesModification", "InvalidParam.Cores", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403], "The specified parameter 'Cores' should be empty."),
        new("DescribeResourcesModification", "InvalidParam.Memory", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403], "The specified parameter 'Memory' should be empty."),
        new("DescribeResourcesModification", "InvalidParameter.ResourceOwnerId", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [403], "The specified parameter ResourceOwnerId is not available anymore."),
        new("DescribeResourcesModification", "Invalid.RegionId", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The specified RegionId does not exist."),
        new("DescribeResourcesModification", "InvalidRegionId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The RegionId provided does not exist in our records."),
        new("DescribeResourcesModification", "Unavailable.Regions", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The available regions does not exists."),
        new("DescribeResourcesModification", "Invalid.ResourceType", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The ResourceType provided does not exist in our records."),
        new("DescribeResourcesModification", "Invalid.DestinationResource", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified DestinationResource is not valid."),
        new("DescribeResourcesModification", "Invalid.IoOptimized", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified IoOptimized is not valid."),
        new("DescribeResourcesModification", "Invalid.NetworkCategory", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified NetworkCategory is not valid."),
        new("DescribeResourcesModification", "Invalid.NetworkType", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified NetworkType is not valid."),
        new("DescribeResourcesModification", "Invalid.SpotStrategy", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified SpotStrategy is not valid."),
        new("DescribeResourcesModification", "Invalid.ResourceId", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified ResourceId is not valid."),
        new("DescribeResourcesModification", "Invalid.InstancePayType", EcsErrorFamily.InvalidParameter, EcsRetryClass.None, [404], "The specified InstancePayType is not valid."),
        new("DescribeResourcesModification", "OperationDenied", EcsErrorFamily.OperationDenied, EcsRetryClass.None, [404], "The specified operation is denied as this instanceType is not support."),
        new("DescribeResourcesModification", "InvalidInstanceId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The specified InstanceId provided does not exist in our records."),
        new("DescribeResourcesModification", "InvalidResourceId.NotFound", EcsErrorFamily.NotFound, EcsRetryClass.None, [404], "The specified ResourceId is not found in our records."),
    ];
}
