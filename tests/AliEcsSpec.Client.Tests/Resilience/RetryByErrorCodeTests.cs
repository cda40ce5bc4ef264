using AliEcsSpec.Client.Tests.Errors;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Resilience;

/// <summary>
/// Every documented answer, once as the first attempt's outcome: the retryable ones (kept by hand in
/// <see cref="DocumentedErrorCodeTests.RetryableCodes"/>, apart from the catalog) are repeated with the same
/// ClientToken and the call succeeds; every other one ends the call after one attempt.
/// </summary>
public sealed class RetryByErrorCodeTests
{
    public static TheoryData<string, string, int, Type> DocumentedErrors => DocumentedErrorCodeTests.DocumentedErrors;

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Call_DocumentedErrorFirst_IsRetriedExactlyWhenTheCodeIsRetryable(string operation, string code, int status, Type expectedType)
    {
        using var test = new TestClient(retries: true).AnswerInTurn(
            TestClient.Error(status, code),
            operation == "ModifyInstanceSpec" ? TestClient.SpecSuccess : TestClient.PrepaySuccess);

        var outcome = await Record.ExceptionAsync(() => test.RunAsync(Answered(DocumentedErrorCodeTests.Call(test.Client, operation, "tok-9"))));

        if (DocumentedErrorCodeTests.RetryableCodes.Contains(code))
        {
            Assert.Null(outcome);
            Assert.Equal(["tok-9", "tok-9"], test.Sent.Select(f => f["ClientToken"]));
        }
        else
        {
            Assert.IsType(expectedType, outcome);
            Assert.Single(test.Sent);
        }
    }

    [Theory]
    [InlineData("Throttling.User", 400, true)]
    [InlineData("Throttling.Api", 429, true)]
    [InlineData("Throttling.Resource", 400, true)]
    [InlineData("ServiceUnavailable", 503, true)]
    [InlineData("InternalError", 500, true)]
    [InlineData("SignatureNonceUsed", 400, true)]
    [InlineData("SignatureDoesNotMatch", 400, false)]
    [InlineData("InvalidAccessKeyId.NotFound", 404, false)]
    [InlineData("Forbidden.RAM", 403, false)]
    [InlineData("MissingParameter", 400, false)]
    [InlineData("InvalidTimeStamp.Format", 400, false)]
    [InlineData("SomeUndocumentedCode", 400, false)]
    public async Task ModifyInstanceSpecAsync_CommonCodeFirst_IsRetriedExactlyWhenRetryable(string code, int status, bool retried)
    {
        using var test = new TestClient(retries: true).AnswerInTurn(TestClient.Error(status, code), TestClient.SpecSuccess);

        var outcome = await Record.ExceptionAsync(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Equal(retried ? 2 : 1, test.Sent.Count);
        Assert.Equal(retried, outcome is null);
    }

    private static async Task<bool> Answered(Task call)
    {
        await call;
        return true;
    }
}
