using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Resilience;

/// <summary>Answers whose retry rule comes from what the documents say about them, beyond their code alone.</summary>
public sealed class DocumentedRetryRulesTests
{
    private const string FiveMinuteMessage = "Request was denied due to request throttling, please try again after 5 minutes.";

    [Fact]
    public async Task ModifyInstanceSpecAsync_FiveMinuteThrottling_IsNotRetriedAndSaysWhenTheInstanceCanChangeAgain()
    {
        using var test = new TestClient(retries: true).AnswerInTurn(Throttling(FiveMinuteMessage), TestClient.SpecSuccess);

        var error = await Assert.ThrowsAsync<EcsThrottlingException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Single(test.Sent);
        Assert.False(error.IsRetryable);
        Assert.Contains(
            "ECS allows one successful ModifyInstanceSpec change per instance in five minutes: the instance can be changed again five minutes after its last successful change",
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Request was denied due to request throttling.")]
    [InlineData("You have made too many requests within a short time; your request is denied due to request throttling.")]
    public async Task ModifyInstanceSpecAsync_RateThrottling_IsRetried(string message)
    {
        using var test = new TestClient(retries: true).AnswerInTurn(Throttling(message), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(2, test.Sent.Count);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_ThrottlingThatMentionsFiveMinutes_IsRetriedAsRateThrottling()
    {
        // The five-minute rule is ModifyInstanceSpec's (document 003); the prepay documents give Throttling no such meaning.
        using var test = new TestClient(retries: true).AnswerInTurn(Throttling(FiveMinuteMessage), TestClient.PrepaySuccess);

        await test.RunAsync(test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay()));

        Assert.Equal(2, test.Sent.Count);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_LimitedOperationServiceUnavailableWithoutClientToken_IsNotRetried()
    {
        using var test = new TestClient(configure: o => o.AutoClientToken = false, retries: true)
            .AnswerInTurn(TestClient.Error(503, "LimitedOperation.ServiceUnavailable"), TestClient.PrepaySuccess);

        var error = await Assert.ThrowsAsync<EcsServiceFailureException>(() => test.RunAsync(test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay())));

        Assert.Single(test.Sent);
        Assert.Contains("Not retried:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_LimitedOperationServiceUnavailableWithClientToken_IsRetriedWithTheSameToken()
    {
        using var test = new TestClient(configure: o => o.AutoClientToken = false, retries: true)
            .AnswerInTurn(TestClient.Error(503, "LimitedOperation.ServiceUnavailable"), TestClient.PrepaySuccess);

        await test.RunAsync(test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { ClientToken = "tok-5" }));

        Assert.Equal(["tok-5", "tok-5"], test.Sent.Select(f => f["ClientToken"]));
    }

    private static Func<HttpRequestMessage, HttpResponseMessage> Throttling(string message) =>
        TestClient.Reply(400, TestClient.ErrorBody("Throttling", message));
}
