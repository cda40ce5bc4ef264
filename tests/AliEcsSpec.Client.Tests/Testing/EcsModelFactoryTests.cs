using System.Net;
using AliEcsSpec.Client.Tests.Errors;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Testing;

/// <summary>
/// What users' tests build with <see cref="EcsModelFactory"/> is what the client gives for the same answer: the same
/// exception type, family, retryability and message.
/// </summary>
public sealed class EcsModelFactoryTests
{
    [Theory]
    [MemberData(nameof(DocumentedErrorCodeTests.DocumentedErrors), MemberType = typeof(DocumentedErrorCodeTests))]
    public void ServiceException_DocumentedCode_IsTheExceptionTheClientThrows(string operation, string code, int status, Type expectedType)
    {
        var error = EcsModelFactory.ServiceException(operation, code, $"documented message of {code}", (HttpStatusCode)status);

        Assert.IsType(expectedType, error);
    }

    [Theory]
    [MemberData(nameof(DocumentedErrorCodeTests.DocumentedErrors), MemberType = typeof(DocumentedErrorCodeTests))]
    public async Task ServiceError_DocumentedCode_EqualsTheErrorOfTheClient(string operation, string code, int status, Type expectedType)
    {
        using var test = new TestClient().AnswerError(status, code, $"documented message of {code}");
        var fromClient = (await Assert.ThrowsAnyAsync<EcsServiceException>(() => DocumentedErrorCodeTests.Call(test.Client, operation, "token-1"))).Error;

        var built = EcsModelFactory.ServiceError(
            operation, code, $"documented message of {code}", (HttpStatusCode)status, TestClient.RequestId,
            hostId: "ecs.aliyuncs.com", recommend: $"https://api.aliyun.com/troubleshoot?q={code}", clientToken: "token-1");

        Assert.IsType(expectedType, built.ToException());
        Assert.Equal(
            (fromClient.Kind, fromClient.Family, fromClient.IsRetryable, fromClient.StatusCode, fromClient.ErrorCode, fromClient.RequestId, fromClient.HostId, fromClient.Recommend, fromClient.ClientToken, fromClient.Message),
            (built.Kind, built.Family, built.IsRetryable, built.StatusCode, built.ErrorCode, built.RequestId, built.HostId, built.Recommend, built.ClientToken, built.Message));
    }

    [Fact]
    public void ServiceError_UndocumentedCode_HasNoFamilyAndIsTheBaseServiceException()
    {
        var error = EcsModelFactory.ServiceError("ModifyInstanceSpec", "Some.NewCode", "new", HttpStatusCode.Conflict);

        Assert.Null(error.Family);
        Assert.Equal(typeof(EcsServiceException), error.ToException().GetType());
    }

    [Fact]
    public void ServiceError_EveryField_IsKept()
    {
        var error = EcsModelFactory.ServiceError(
            "ModifyPrepayInstanceSpec", "Throttling", "Too many requests.", HttpStatusCode.BadRequest, "req-1", "host-1",
            "https://example.invalid/r", """{"PolicyType":"AccountLevelIdentityBasedPolicy"}""", "tok-1", attempts: 4);

        Assert.Equal(
            (EcsErrorKind.Service, "ModifyPrepayInstanceSpec", "Too many requests.", (HttpStatusCode?)HttpStatusCode.BadRequest, "Throttling", "req-1", "host-1", "https://example.invalid/r",
             """{"PolicyType":"AccountLevelIdentityBasedPolicy"}""", "tok-1", (EcsErrorFamily?)EcsErrorFamily.Throttling, true, 4),
            (error.Kind, error.Operation, error.Message, error.StatusCode, error.ErrorCode, error.RequestId, error.HostId, error.Recommend,
             error.AccessDeniedDetail, error.ClientToken, error.Family, error.IsRetryable, error.Attempts));
    }

    [Fact]
    public void UnexpectedResponseException_GatewayPage_CarriesStatusExcerptAndRequestId()
    {
        var error = EcsModelFactory.UnexpectedResponseException("ModifyInstanceSpec", HttpStatusCode.BadGateway, "not JSON", "req-2", "<html>", "tok-2");

        Assert.Equal((HttpStatusCode.BadGateway, "req-2", "<html>", "tok-2", true), (error.StatusCode, error.RequestId, error.BodyExcerpt, error.ClientToken, error.IsRetryable));
    }

    [Theory]
    [InlineData(true, "tok-3", true)]
    [InlineData(true, null, false)]
    [InlineData(false, null, true)]
    public void TransportException_SentOrNotWithOrWithoutToken_IsRetryableAsTheClientWouldBe(bool mayHaveBeenSent, string? token, bool retryable)
    {
        var inner = new IOException("reset");

        var error = EcsModelFactory.TransportException("ModifyInstanceSpec", "The connection was reset.", mayHaveBeenSent, token, inner);

        Assert.Equal((mayHaveBeenSent, retryable, inner, EcsErrorKind.Transport), (error.RequestMayHaveBeenSent, error.IsRetryable, error.Error.InnerException, error.Error.Kind));
    }

    [Fact]
    public void CredentialsException_Operation_IsNamedAndNothingWasSent()
    {
        var error = EcsModelFactory.CredentialsException("ModifyInstanceSpec", "No AccessKey found.", "tok-4");

        Assert.Equal(("ModifyInstanceSpec", "tok-4", EcsErrorKind.Credentials, false), (error.Operation, error.ClientToken, error.Error.Kind, error.Error.RequestMayHaveBeenSent));
    }

    [Fact]
    public void ModifyPrepayInstanceSpecResponse_Fields_AreKept()
    {
        var response = EcsModelFactory.ModifyPrepayInstanceSpecResponse("req-5", "order-5", "tok-5");

        Assert.Equal(new ModifyPrepayInstanceSpecResponse("req-5", "order-5", "tok-5"), response);
    }

    [Fact]
    public void ModifyInstanceSpecResponse_DryRun_IsKept()
    {
        var response = EcsModelFactory.ModifyInstanceSpecResponse("req-6", dryRun: true);

        Assert.Equal(new ModifyInstanceSpecResponse("req-6", null, DryRun: true), response);
    }

    [Fact]
    public void ServiceError_ZeroAttempts_ThrowsNamingAttempts()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EcsModelFactory.ServiceError("ModifyInstanceSpec", "Throttling", "m", HttpStatusCode.BadRequest, attempts: 0));

        Assert.Equal("attempts", error.ParamName);
    }
}
