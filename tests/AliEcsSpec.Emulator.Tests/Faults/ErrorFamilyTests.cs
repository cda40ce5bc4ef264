using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Faults;

/// <summary>Every family of error reaches the caller as its exception type over real HTTP.</summary>
public sealed class ErrorFamilyTests
{
    [Theory]
    [InlineData(400, "Throttling", typeof(EcsThrottlingException))]
    [InlineData(500, "InternalError", typeof(EcsServiceFailureException))]
    [InlineData(404, "InvalidInstanceId.NotFound", typeof(EcsNotFoundException))]
    [InlineData(400, "InvalidParameter", typeof(EcsInvalidParameterException))]
    [InlineData(400, "InvalidStatus.NotStopped", typeof(EcsIncorrectInstanceStateException))]
    [InlineData(400, "InstanceDowngrade.QuotaExceed", typeof(EcsQuotaExceededException))]
    [InlineData(403, "InvalidAccountStatus.NotEnoughBalance", typeof(EcsBillingException))]
    [InlineData(403, "InvalidUser.PassRoleForbidden", typeof(EcsPermissionDeniedException))]
    [InlineData(403, "OperationDenied", typeof(EcsOperationDeniedException))]
    [InlineData(403, "OperationDenied.NoStock", typeof(EcsCapacityException))]
    [InlineData(403, "OperationDenied.LocalDiskUnsupported", typeof(EcsUnsupportedChangeException))]
    [InlineData(400, "IdempotenceParamNotMatch", typeof(EcsIdempotencyMismatchException))]
    [InlineData(400, "SignatureDoesNotMatch", typeof(EcsAuthenticationException))]
    [InlineData(409, "Some.FutureCode", typeof(EcsServiceException))]
    public async Task ModifyPrepayInstanceSpec_ServiceAnswersAFamilyCode_CallerGetsThatFamilyException(int status, string code, Type expected)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.Answer(status, code));

        var error = await Assert.ThrowsAnyAsync<EcsServiceException>(() =>
            h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge") with { ClientToken = "family" }));

        Assert.IsType(expected, error);
        Assert.Equal(((HttpStatusCode)status, code, "family"), (error.StatusCode, error.ErrorCode, error.ClientToken));
        Assert.Equal(h.State.RequestLog.Single().RequestId, error.RequestId);
        Assert.Empty(h.State.Orders);
    }

    [Fact]
    public async Task Upgrade_OperatorTypeDowngradeForALargerType_IsRefusedAsInvalidParameter()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsInvalidParameterException>(() =>
            h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-stopped-01", "ecs.g5.2xlarge") with { OperatorType = OperatorType.Downgrade }));

        Assert.Equal("InvalidParameter", error.ErrorCode);
    }
}
