using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Errors;

/// <summary>
/// <see cref="EcsError.IsRetryable"/> says exactly whether the client would repeat the call if attempts were left, for
/// every kind of failure: each row is the first attempt's outcome with retries on, and the answer is whether a second
/// attempt was sent.
/// </summary>
public sealed class IsRetryableTests
{
    private static readonly (string Name, Func<HttpRequestMessage, HttpResponseMessage> Step)[] FirstAnswers =
    [
        ("Throttling", TestClient.Error(400, "Throttling")),
        ("InternalError", TestClient.Error(500, "InternalError")),
        ("ServiceUnavailable", TestClient.Error(503, "ServiceUnavailable")),
        ("LimitedOperation.ServiceUnavailable", TestClient.Error(503, "LimitedOperation.ServiceUnavailable")),
        ("SignatureNonceUsed", TestClient.Error(400, "SignatureNonceUsed")),
        ("undocumented code, 503", TestClient.Error(503, "Gateway.Busy")),
        ("HTML page, 502", TestClient.Reply(502, "<html>Bad Gateway</html>", "text/html")),
        ("InvalidStatus.NotStopped", TestClient.Error(400, "InvalidStatus.NotStopped")),
        ("IdempotenceParamNotMatch", TestClient.Error(400, "IdempotenceParamNotMatch")),
        ("answer lost", TestClient.Lost()),
        ("connection refused", TestClient.Lost(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))),
    ];

    public static TheoryData<string, Func<HttpRequestMessage, HttpResponseMessage>, string?> Outcomes
    {
        get
        {
            var rows = new TheoryData<string, Func<HttpRequestMessage, HttpResponseMessage>, string?>();
            foreach (var (name, step) in FirstAnswers)
            {
                rows.Add(name, step, "tok-1");
                rows.Add(name, step, null);
            }

            return rows;
        }
    }

    public static TheoryData<string, Func<HttpRequestMessage, HttpResponseMessage>> ReadOutcomes
    {
        get
        {
            var rows = new TheoryData<string, Func<HttpRequestMessage, HttpResponseMessage>>();
            foreach (var (name, step) in FirstAnswers)
            {
                rows.Add(name, step);
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task IsRetryable_AnyFailure_SaysWhetherTheClientRepeatedIt(
        string outcome, Func<HttpRequestMessage, HttpResponseMessage> firstAnswer, string? clientToken)
    {
        var retried = new List<EcsError>();
        using var test = new TestClient(
                configure: o =>
                {
                    o.AutoClientToken = false;
                    o.Retry.OnRetry = e =>
                    {
                        retried.Add(e.Failure);
                        return ValueTask.CompletedTask;
                    };
                },
                retries: true)
            .AnswerInTurn(firstAnswer, TestClient.SpecSuccess);

        var result = await test.RunAsync(test.Client.TryModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = clientToken }));

        // A repeated call ends in success, and its first failure is the one OnRetry was shown.
        var repeated = test.Sent.Count == 2;
        var error = repeated ? Assert.Single(retried) : result.Error!;
        Assert.True(repeated == result.IsSuccess, outcome);
        Assert.True(repeated == error.IsRetryable, $"{outcome}, token {clientToken ?? "none"}: repeated {repeated}, IsRetryable {error.IsRetryable}");
    }

    [Theory]
    [MemberData(nameof(ReadOutcomes))]
    public async Task IsRetryable_AnyFailureOfARead_SaysWhetherTheClientRepeatedIt(
        string outcome, Func<HttpRequestMessage, HttpResponseMessage> firstAnswer)
    {
        var retried = new List<EcsError>();
        using var test = new TestClient(configure: o => o.Retry.OnRetry = e =>
            {
                retried.Add(e.Failure);
                return ValueTask.CompletedTask;
            },
            retries: true)
            .AnswerInTurn(firstAnswer, TestClient.SpecSuccess);

        var result = await test.RunAsync(test.Client.TryDescribeInstancesAsync(new DescribeInstancesRequest { RegionId = "cn-hangzhou" }));

        var repeated = test.Sent.Count == 2;
        var error = repeated ? Assert.Single(retried) : result.Error!;
        Assert.True(repeated == result.IsSuccess, outcome);
        Assert.True(repeated == error.IsRetryable, $"{outcome}: repeated {repeated}, IsRetryable {error.IsRetryable}");
    }

    [Theory]
    [InlineData("answer lost")]
    [InlineData("InternalError")]
    public async Task DescribeInstancesAsync_MayHaveReachedTheServiceWithoutClientToken_IsRepeated(string outcome)
    {
        using var test = new TestClient(retries: true)
            .AnswerInTurn(outcome == "answer lost" ? TestClient.Lost() : TestClient.Error(500, "InternalError"), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.DescribeInstancesAsync(new DescribeInstancesRequest { RegionId = "cn-hangzhou" }));

        Assert.Equal(2, test.Sent.Count);
        Assert.All(test.Sent, sent => Assert.DoesNotContain("ClientToken", sent.Fields.Keys));
    }

    [Theory]
    [InlineData("answer lost")]
    [InlineData("InternalError")]
    public async Task StopInstanceAsync_MayHaveReachedTheServiceWithoutClientToken_IsNotRepeated(string outcome)
    {
        using var test = new TestClient(retries: true)
            .AnswerInTurn(outcome == "answer lost" ? TestClient.Lost() : TestClient.Error(500, "InternalError"), TestClient.SpecSuccess);

        var result = await test.RunAsync(test.Client.TryStopInstanceAsync(new StopInstanceRequest { InstanceId = "i-1" }));

        Assert.Single(test.Sent);
        Assert.False(result.Error!.IsRetryable);
    }
}
