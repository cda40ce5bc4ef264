using System.Net;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Errors;

/// <summary>
/// One case per (operation, code, HTTP status) the documents of the four operations around a resize list. None of
/// them sends a ClientToken, so the message names none and nothing is retryable without one.
/// </summary>
public sealed class ResizeOperationErrorCodeTests
{
    /// <summary>The documented answers and the exception each must become. Kept by hand, apart from the catalog.</summary>
    public static TheoryData<string, string, int, Type> DocumentedErrors => new()
    {
        { "DescribeInstances", "InvalidInstanceChargeType.NotFound", 404, typeof(EcsInvalidParameterException) },
        { "DescribeInstances", "InvalidInternetChargeType.ValueNotSupported", 404, typeof(EcsInvalidParameterException) },
        { "DescribeInstances", "InvalidLockReason.NotFound", 404, typeof(EcsInvalidParameterException) },
        { "DescribeInstances", "InvalidFilterKey.NotFound", 404, typeof(EcsInvalidParameterException) },
        { "DescribeInstances", "InvalidNetworkType.NotFound", 404, typeof(EcsInvalidParameterException) },
        { "DescribeInstances", "InvalidStatus.NotFound", 404, typeof(EcsInvalidParameterException) },
        { "DescribeInstances", "InvalidTag.Mismatch", 400, typeof(EcsInvalidParameterException) },
        { "DescribeInstances", "InvalidTagCount", 400, typeof(EcsInvalidParameterException) },
        { "DescribeInstances", "InvalidHpcClusterId.NotFound", 400, typeof(EcsNotFoundException) },
        { "DescribeInstances", "InvalidHpcClusterId.Creating", 400, typeof(EcsOperationDeniedException) },
        { "StopInstance", "InvalidInstanceId.NotFound", 404, typeof(EcsNotFoundException) },
        { "StopInstance", "IncorrectInstanceStatus", 403, typeof(EcsIncorrectInstanceStateException) },
        { "StopInstance", "InstanceLockedForSecurity", 403, typeof(EcsIncorrectInstanceStateException) },
        { "StopInstance", "DiskError", 403, typeof(EcsIncorrectInstanceStateException) },
        { "StopInstance", "InternalError", 500, typeof(EcsServiceFailureException) },
        { "StopInstance", "InstanceType.ParameterMismatch", 403, typeof(EcsInvalidParameterException) },
        { "StopInstance", "InstanceExpiredOrInArrears", 403, typeof(EcsBillingException) },
        { "StopInstance", "InvalidInstanceId.NotSupport", 403, typeof(EcsUnsupportedChangeException) },
        { "StopInstance", "InvalidParameter.KMSKeyId.KMSUnauthorized", 403, typeof(EcsPermissionDeniedException) },
        { "StartInstance", "InvalidInstanceId.NotFound", 404, typeof(EcsNotFoundException) },
        { "StartInstance", "IncorrectInstanceStatus", 403, typeof(EcsIncorrectInstanceStateException) },
        { "StartInstance", "InstanceLockedForSecurity", 403, typeof(EcsIncorrectInstanceStateException) },
        { "StartInstance", "InsufficientBalance", 403, typeof(EcsBillingException) },
        { "StartInstance", "InstanceNotReady", 500, typeof(EcsIncorrectInstanceStateException) },
        { "StartInstance", "InstanceNotReady", 403, typeof(EcsIncorrectInstanceStateException) },
        { "StartInstance", "InternalError", 500, typeof(EcsServiceFailureException) },
        { "StartInstance", "DiskError", 403, typeof(EcsIncorrectInstanceStateException) },
        { "StartInstance", "InstanceExpired", 403, typeof(EcsBillingException) },
        { "StartInstance", "DiskInArrears", 403, typeof(EcsBillingException) },
        { "StartInstance", "OperationDenied.NoStock", 403, typeof(EcsCapacityException) },
        { "StartInstance", "OperationDenied.SpotPriceLowerThanPublicPrice", 403, typeof(EcsOperationDeniedException) },
        { "StartInstance", "InvalidParameter.KMSKeyId.KMSUnauthorized", 403, typeof(EcsPermissionDeniedException) },
        { "StartInstance", "QuotaExceed.ElasticQuota", 403, typeof(EcsQuotaExceededException) },
        { "DescribeResourcesModification", "Invalid.OperationType", 400, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.OperationType", 404, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.Param", 400, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.InstanceChargeType", 400, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "InvalidCondition.Malformed", 400, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "InvalidRegionId.MalFormed", 400, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "InvalidDedicatedHostId.NotFound", 403, typeof(EcsNotFoundException) },
        { "DescribeResourcesModification", "InvalidParam.TypeAndCpuMem.Conflict", 403, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "InvalidParam.Cores", 403, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "InvalidParam.Memory", 403, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "InvalidParameter.ResourceOwnerId", 403, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.RegionId", 404, typeof(EcsNotFoundException) },
        { "DescribeResourcesModification", "InvalidRegionId.NotFound", 404, typeof(EcsNotFoundException) },
        { "DescribeResourcesModification", "Unavailable.Regions", 404, typeof(EcsNotFoundException) },
        { "DescribeResourcesModification", "Invalid.ResourceType", 404, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.DestinationResource", 404, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.IoOptimized", 404, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.NetworkCategory", 404, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.NetworkType", 404, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.SpotStrategy", 404, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.ResourceId", 404, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "Invalid.InstancePayType", 404, typeof(EcsInvalidParameterException) },
        { "DescribeResourcesModification", "OperationDenied", 404, typeof(EcsOperationDeniedException) },
        { "DescribeResourcesModification", "InvalidInstanceId.NotFound", 404, typeof(EcsNotFoundException) },
        { "DescribeResourcesModification", "InvalidResourceId.NotFound", 404, typeof(EcsNotFoundException) },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Call_DocumentedErrorAnswer_ThrowsItsFamilyExceptionWithEveryField(
        string operation, string code, int status, Type expectedType)
    {
        using var test = new TestClient().AnswerError(status, code, $"documented message of {code}");

        var error = await Assert.ThrowsAnyAsync<EcsServiceException>(() => DocumentedErrorCodeTests.Call(test.Client, operation));

        Assert.IsType(expectedType, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(TestClient.RequestId, error.RequestId);
        Assert.Null(error.ClientToken);
        Assert.Equal(operation, error.Operation);
        Assert.False(error.IsRetryable);
        // A transient code adds why it was not retried between the service's message and the IDs.
        Assert.StartsWith($"{operation} failed: HTTP {status} {code}: documented message of {code}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(RequestId: {TestClient.RequestId})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task TryCall_DocumentedErrorAnswer_ReturnsFailureWithTheSameData(
        string operation, string code, int status, Type expectedType)
    {
        using var test = new TestClient().AnswerError(status, code);

        var error = await DocumentedErrorCodeTests.TryCall(test.Client, operation);

        Assert.NotNull(error);
        Assert.Equal(EcsErrorKind.Service, error.Kind);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.IsType(expectedType, error.ToException());
    }

    [Theory]
    [InlineData("StopInstance", "InternalError")]
    [InlineData("StartInstance", "InstanceNotReady")]
    [InlineData("StartInstance", "InternalError")]
    public async Task Call_TransientErrorWithoutClientToken_IsNotRetried(string operation, string code)
    {
        using var test = new TestClient(retries: true).AnswerError(500, code);

        var error = await Assert.ThrowsAnyAsync<EcsServiceException>(() => DocumentedErrorCodeTests.Call(test.Client, operation));

        Assert.False(error.IsRetryable);
        Assert.Equal(1, error.Error.Attempts);
        Assert.Single(test.Sent);
    }
}
