using System.Net;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Errors;

/// <summary>
/// One case per (operation, code, HTTP status) the five API documents list: the answer becomes exactly the family
/// exception the code belongs to, with every field the service sent.
/// </summary>
public sealed class DocumentedErrorCodeTests
{
    /// <summary>The documented answers and the exception each must become. Kept by hand, apart from the catalog.</summary>
    public static TheoryData<string, string, int, Type> DocumentedErrors => new()
    {
        { "ModifyPrepayInstanceSpec", "Account.Arrearage", 400, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "IdempotenceParamNotMatch", 400, typeof(EcsIdempotencyMismatchException) },
        { "ModifyPrepayInstanceSpec", "InvalidBillingMethod.ValueNotSupported", 400, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "InvalidClientToken.ValueNotSupported", 400, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstance.UnpaidOrder", 400, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceId.NotFound", 400, typeof(EcsNotFoundException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceId.Released", 400, typeof(EcsNotFoundException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceType.ValueNotSupported", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceType.ValueUnauthorized", 400, typeof(EcsPermissionDeniedException) },
        { "ModifyPrepayInstanceSpec", "MissingParameter.InstanceIdNotSupported", 400, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "MissingParameter.RegionId", 400, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "OrderCreationFailed", 400, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "Throttling", 400, typeof(EcsThrottlingException) },
        { "ModifyPrepayInstanceSpec", "ImageNotSupportInstanceType", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidAccountStatus.NotEnoughBalance", 403, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "InvalidBillingMethod", 403, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "InvalidUser.PassRoleForbidden", 403, typeof(EcsPermissionDeniedException) },
        { "ModifyPrepayInstanceSpec", "BillingMethodNotFound", 404, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "InvalidRegionId.NotFound", 404, typeof(EcsNotFoundException) },
        { "ModifyPrepayInstanceSpec", "InternalError", 500, typeof(EcsServiceFailureException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstance.PurchaseNotFound", 400, typeof(EcsNotFoundException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceType.NotSupported", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidRebootTime.MalFormed", 400, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "InvalidRebootTime.ValueNotSupported", 400, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceChargeType.ValueNotSupported", 400, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "InvalidStatus.NotStopped", 400, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "InvalidAction", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InstanceDowngrade.QuotaExceed", 400, typeof(EcsQuotaExceededException) },
        { "ModifyPrepayInstanceSpec", "InvalidParameter", 400, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "OperationDenied", 400, typeof(EcsOperationDeniedException) },
        { "ModifyPrepayInstanceSpec", "LastOrderProcessing", 400, typeof(EcsThrottlingException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.VpcHasEnabledAdvancedNetworkFeature", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidAction.WithActiveElasticUpgrade", 400, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "InstanceTypeNotSupported.TooManyDisksAttached", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "QuotaExceed.DiskCapacity", 400, typeof(EcsQuotaExceededException) },
        { "ModifyPrepayInstanceSpec", "MissingParameter.DiskCategory", 400, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "InvalidParameter.DiskCategory", 400, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "InvalidPerformanceLevel.Malformed", 400, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "InvalidSystemDiskCategory.NotMatchInstanceType", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "QuotaExceed.RufundVcpu", 400, typeof(EcsQuotaExceededException) },
        { "ModifyPrepayInstanceSpec", "NoPermission.Price", 400, typeof(EcsPermissionDeniedException) },
        { "ModifyPrepayInstanceSpec", "NoPermission.Refund", 400, typeof(EcsPermissionDeniedException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceStatus", 400, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.InstanceRenewWithDowngradeInPlan", 400, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.OnlineModificationUnsupported", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceType.NotSupportCpuOptionsNestedVirtualization", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceType.ValueUnauthorized", 401, typeof(EcsPermissionDeniedException) },
        { "ModifyPrepayInstanceSpec", "ImageOrderFailed", 500, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "OperationDenied.NoStock", 403, typeof(EcsCapacityException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceType.ValueNotSupported", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InstanceType.Offline", 403, typeof(EcsCapacityException) },
        { "ModifyPrepayInstanceSpec", "IncorrectInstanceStatus", 403, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "Throttling", 403, typeof(EcsThrottlingException) },
        { "ModifyPrepayInstanceSpec", "InvalidParameter.InstanceId", 403, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "OperationDenied", 403, typeof(EcsOperationDeniedException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceStatus", 403, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.StarterPackage", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstance.PreInstanceExpired", 403, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstance.EipNotSupport", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "OperationDenied.ImageNotValid", 403, typeof(EcsPermissionDeniedException) },
        { "ModifyPrepayInstanceSpec", "OperationDenied.LocalDiskUnsupported", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.EniCountExceeded", 403, typeof(EcsQuotaExceededException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.Ipv4CountExceeded", 403, typeof(EcsQuotaExceededException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.Ipv6CountExceeded", 403, typeof(EcsQuotaExceededException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.Ipv6NotSupport", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.Ipv4NotSupport", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstance.NotFoundSystemDisk", 403, typeof(EcsNotFoundException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceType.NotSupportDiskCategory", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "QuotaExceed.ElasticQuota", 403, typeof(EcsQuotaExceededException) },
        { "ModifyPrepayInstanceSpec", "InvalidResourceType.NotSupported", 403, typeof(EcsCapacityException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.MaxEniQueueNumberExceeded", 403, typeof(EcsQuotaExceededException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.ExceedInstanceTypeQueueNumber", 403, typeof(EcsQuotaExceededException) },
        { "ModifyPrepayInstanceSpec", "InvalidParameter.InvalidEniQueueNumber", 403, typeof(EcsInvalidParameterException) },
        { "ModifyPrepayInstanceSpec", "HibernationConfigured.InstanceOperationForbidden", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.MaxModifyOnlineNumberExceeded", 403, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.RebootingRequired", 403, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "InvalidOperation.OSTypeNotSupported", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "OperationDenied.UnpaidOrder", 403, typeof(EcsBillingException) },
        { "ModifyPrepayInstanceSpec", "InvalidDisk.DetachedSystemDisk", 403, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyPrepayInstanceSpec", "InvalidDataDiskCategory.ValueNotSupported", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidDiskCategory.NotSupported", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyPrepayInstanceSpec", "InvalidInstanceId.NotFound", 404, typeof(EcsNotFoundException) },
        { "ModifyPrepayInstanceSpec", "LimitedOperation.ServiceUnavailable", 503, typeof(EcsServiceFailureException) },
        { "ModifyInstanceSpec", "InvalidInternetChargeType.ValueNotSupported", 400, typeof(EcsBillingException) },
        { "ModifyInstanceSpec", "InvalidInstanceType.ValueUnauthorized", 400, typeof(EcsPermissionDeniedException) },
        { "ModifyInstanceSpec", "InvalidInstanceId.NotFound", 404, typeof(EcsNotFoundException) },
        { "ModifyInstanceSpec", "InvalidInstanceType.ValueNotSupported", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "InvalidParameter", 400, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "InvalidParameter.Mismatch", 400, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "CategoryViolation", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "InvalidStatus.ValueNotSupported", 403, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyInstanceSpec", "InstanceLockedForSecurity", 403, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyInstanceSpec", "InternalError", 500, typeof(EcsServiceFailureException) },
        { "ModifyInstanceSpec", "InvalidAccountStatus.NotEnoughBalance", 403, typeof(EcsBillingException) },
        { "ModifyInstanceSpec", "ChargeTypeViolation", 403, typeof(EcsBillingException) },
        { "ModifyInstanceSpec", "OperationDenied", 403, typeof(EcsOperationDeniedException) },
        { "ModifyInstanceSpec", "BandwidthUpgradeDenied.EipBoundInstance", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "MissingTemporary.StartTime", 404, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "MissingTemporary.EndTime", 404, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "InvalidTemporary.StartTime", 400, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "InvalidTemporary.EndTime", 400, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "LastTokenProcessing", 403, typeof(EcsThrottlingException) },
        { "ModifyInstanceSpec", "Downgrade.NotSupported", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "InstanceSpecModification.NotEffective", 403, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyInstanceSpec", "DependencyViolation.InstanceType", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "InvalidInstanceType.ValueNotSupported", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "ImageNotSupportInstanceType", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "Account.Arrearage", 400, typeof(EcsBillingException) },
        { "ModifyInstanceSpec", "InvalidParameter.Bandwidth", 400, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "InvalidParameter.Conflict", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "InvalidParameter.AllowMigrateAcrossZone", 400, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "InvalidParam.SystemDiskCategory", 400, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "Throttling", 400, typeof(EcsThrottlingException) },
        { "ModifyInstanceSpec", "InvalidInstanceStatus.NotStopped", 400, typeof(EcsIncorrectInstanceStateException) },
        { "ModifyInstanceSpec", "InstanceType.Offline", 403, typeof(EcsCapacityException) },
        { "ModifyInstanceSpec", "InvalidAction", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "IdempotenceParamNotMatch", 400, typeof(EcsIdempotencyMismatchException) },
        { "ModifyInstanceSpec", "InvalidClientToken.ValueNotSupported", 400, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "Price.PricePlanResultNotFound", 400, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "InvalidParameter.NotMatch", 403, typeof(EcsInvalidParameterException) },
        { "ModifyInstanceSpec", "InvalidInstance.EipNotSupport", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "InvalidAction.NotSupport", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "InvalidMarketImageStatus.NotSupported", 400, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "OperationDenied.NoStock", 403, typeof(EcsCapacityException) },
        { "ModifyInstanceSpec", "InvalidOperation.Ipv4CountExceeded", 403, typeof(EcsQuotaExceededException) },
        { "ModifyInstanceSpec", "InvalidOperation.Ipv6CountExceeded", 403, typeof(EcsQuotaExceededException) },
        { "ModifyInstanceSpec", "InvalidOperation.Ipv6NotSupport", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "InvalidOperation.InstanceWithEipNotSupport", 403, typeof(EcsUnsupportedChangeException) },
        { "ModifyInstanceSpec", "SecurityRisk.3DVerification", 403, typeof(EcsBillingException) },
        { "ModifyInstanceSpec", "InvalidInstanceChargeType.NotFound", 404, typeof(EcsNotFoundException) },
        { "ModifyInstanceSpec", "QuotaExceed.ElasticQuota", 403, typeof(EcsQuotaExceededException) },
    };

    /// <summary>The codes a caller may retry: throttling, service-side failures, and "try it again later".</summary>
    internal static readonly HashSet<string> RetryableCodes =
        ["Throttling", "LastOrderProcessing", "LastTokenProcessing", "LimitedOperation.ServiceUnavailable", "InternalError", "OrderCreationFailed"];

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Call_DocumentedErrorAnswer_ThrowsItsFamilyExceptionWithEveryField(
        string operation, string code, int status, Type expectedType)
    {
        using var test = new TestClient().AnswerError(status, code, $"documented message of {code}");

        var error = await Assert.ThrowsAnyAsync<EcsServiceException>(() => Call(test.Client, operation, "token-1"));

        Assert.IsType(expectedType, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal($"documented message of {code}", error.ServiceMessage);
        Assert.Equal(TestClient.RequestId, error.RequestId);
        Assert.Equal("ecs.aliyuncs.com", error.HostId);
        Assert.Equal($"https://api.aliyun.com/troubleshoot?q={code}", error.Recommend);
        Assert.Equal("token-1", error.ClientToken);
        Assert.Equal(operation, error.Operation);
        Assert.NotNull(error.Family);
        Assert.Equal(RetryableCodes.Contains(code), error.IsRetryable);
        Assert.Equal(
            $"{operation} failed: HTTP {status} {code}: documented message of {code} (RequestId: {TestClient.RequestId}, ClientToken: token-1)",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task TryCall_DocumentedErrorAnswer_ReturnsFailureWithTheSameData(
        string operation, string code, int status, Type expectedType)
    {
        using var test = new TestClient().AnswerError(status, code);

        var error = await TryCall(test.Client, operation);

        Assert.NotNull(error);
        Assert.Equal(EcsErrorKind.Service, error.Kind);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(TestClient.RequestId, error.RequestId);
        Assert.IsType(expectedType, error.ToException());
    }

    [Fact]
    public void Catalog_EveryDocumentedTriple_IsListedWithItsStatusAndNothingElse()
    {
        var documented = DocumentedErrors.Concat(ResizeOperationErrorCodeTests.DocumentedErrors)
            .Select(row => ((string)row[0], (string)row[1], (int)row[2])).ToHashSet();
        var catalogued = EcsErrorCatalog.Definitions
            .Where(d => d.Operation != EcsErrorCatalog.AnyOperation)
            .SelectMany(d => d.Statuses.Select(status => (d.Operation, d.Code, status)))
            .ToHashSet();

        Assert.Empty(documented.Except(catalogued));
        Assert.Empty(catalogued.Except(documented));
        Assert.All(EcsErrorCatalog.Definitions, d => Assert.False(string.IsNullOrWhiteSpace(d.Message), d.Code));
    }

    [Theory]
    [InlineData("SignatureNonceUsed", typeof(EcsAuthenticationException), true)]
    [InlineData("InvalidTimeStamp.Expired", typeof(EcsAuthenticationException), true)]
    [InlineData("SignatureDoesNotMatch", typeof(EcsAuthenticationException), false)]
    [InlineData("InvalidAccessKeyId.NotFound", typeof(EcsAuthenticationException), false)]
    [InlineData("Throttling.User", typeof(EcsThrottlingException), true)]
    [InlineData("ServiceUnavailable", typeof(EcsServiceFailureException), true)]
    [InlineData("Forbidden.RAM", typeof(EcsPermissionDeniedException), false)]
    [InlineData("MissingParameter", typeof(EcsInvalidParameterException), false)]
    public async Task Call_CommonRpcErrorOfAnyAction_MapsToItsFamily(string code, Type expectedType, bool retryable)
    {
        using var test = new TestClient().AnswerError(400, code);

        var error = await Assert.ThrowsAnyAsync<EcsServiceException>(() => Call(test.Client, "ModifyInstanceSpec", "token-1"));

        Assert.IsType(expectedType, error);
        Assert.Equal(retryable, error.IsRetryable);
    }

    [Theory]
    [InlineData("ModifyInstanceSpec")]
    [InlineData("ModifyPrepayInstanceSpec")]
    [InlineData("DescribeInstances")]
    [InlineData("StopInstance")]
    [InlineData("StartInstance")]
    [InlineData("DescribeResourcesModification")]
    public async Task Call_UnknownRegion_ThrowsEcsNotFoundExceptionOnEveryOperation(string operation)
    {
        using var test = new TestClient().AnswerError(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");

        var error = await Assert.ThrowsAsync<EcsNotFoundException>(() => Call(test.Client, operation));

        Assert.Equal(EcsErrorFamily.NotFound, error.Family);
        Assert.False(error.IsRetryable);
    }

    internal static Task Call(IEcsSpecClient client, string operation, string? clientToken = null) => operation switch
    {
        "ModifyPrepayInstanceSpec" => client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { ClientToken = clientToken }),
        "ModifyInstanceSpec" => client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = clientToken }),
        "DescribeInstances" => client.DescribeInstancesAsync(TestClient.Describe()),
        "StopInstance" => client.StopInstanceAsync(new() { InstanceId = "i-1" }),
        "StartInstance" => client.StartInstanceAsync(new() { InstanceId = "i-1" }),
        "DescribeResourcesModification" => client.DescribeResourcesModificationAsync(TestClient.Resources()),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    internal static async Task<EcsError?> TryCall(IEcsSpecClient client, string operation) => operation switch
    {
        "ModifyPrepayInstanceSpec" => (await client.TryModifyPrepayInstanceSpecAsync(TestClient.Prepay())).Error,
        "ModifyInstanceSpec" => (await client.TryModifyInstanceSpecAsync(TestClient.Spec())).Error,
        "DescribeInstances" => (await client.TryDescribeInstancesAsync(TestClient.Describe())).Error,
        "StopInstance" => (await client.TryStopInstanceAsync(new() { InstanceId = "i-1" })).Error,
        "StartInstance" => (await client.TryStartInstanceAsync(new() { InstanceId = "i-1" })).Error,
        "DescribeResourcesModification" => (await client.TryDescribeResourcesModificationAsync(TestClient.Resources())).Error,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
