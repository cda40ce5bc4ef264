using AliEcsSpec.Client.Tests.Support;
using AliEcsSpec.Client.Workflow;

namespace AliEcsSpec.Client.Tests.Workflow;

/// <summary>The waiters poll DescribeInstances through the client, 2 s growing to 15 s, on the injected clock.</summary>
public sealed class InstanceWaiterTests
{
    private static Func<HttpRequestMessage, HttpResponseMessage> Seen(string status, string type = "ecs.g6.large") => TestClient.Reply(200, $$$"""
        {"RequestId": "{{{TestClient.RequestId}}}", "TotalCount": 1, "Instances": {"Instance": [
          {"InstanceId": "i-1", "Status": "{{{status}}}", "InstanceType": "{{{type}}}", "InstanceChargeType": "PostPaid", "OperationLocks": {"LockReason": []}}]}}
        """);

    private static readonly Func<HttpRequestMessage, HttpResponseMessage> NotShown =
        TestClient.Reply(200, $$$"""{"RequestId": "{{{TestClient.RequestId}}}", "TotalCount": 0, "Instances": {"Instance": []}}""");

    [Fact]
    public async Task WaitUntilInstanceStatusAsync_StatusComesOnTheThirdPoll_ReturnsItAfterTwoAndFourSeconds()
    {
        using var test = new TestClient().AnswerInTurn(Seen("Stopping"), Seen("Stopping"), Seen("Stopped"));
        var started = test.Time.GetUtcNow();

        var instance = await test.RunAsync(test.Client.WaitUntilInstanceStatusAsync("cn-hangzhou", "i-1", "Stopped", new EcsWorkflowOptions { TimeProvider = test.Time }));

        Assert.Equal("Stopped", instance.Status);
        Assert.Equal(3, test.Sent.Count);
        Assert.All(test.Sent, form => Assert.Equal(("DescribeInstances", "cn-hangzhou", "[\"i-1\"]"), (form["Action"], form["RegionId"], form["InstanceIds"])));
        // The fake clock moves in 100 ms steps while the call runs, so a busy machine may add a few steps: the waits
        // were 2 s and 4 s if the total is at least 6 s and under the next poll's 8 s.
        Assert.InRange(test.Time.GetUtcNow() - started, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task WaitUntilInstanceTypeAsync_InstanceNotShownAtFirst_KeepsPollingUntilTheTypeShows()
    {
        using var test = new TestClient().AnswerInTurn(NotShown, Seen("Stopped"), Seen("Stopped", "ecs.g6.xlarge"));

        var instance = await test.RunAsync(test.Client.WaitUntilInstanceTypeAsync("cn-hangzhou", "i-1", "ecs.g6.xlarge", new EcsWorkflowOptions { TimeProvider = test.Time }));

        Assert.Equal("ecs.g6.xlarge", instance.InstanceType);
        Assert.Equal(3, test.Sent.Count);
    }

    [Fact]
    public async Task WaitUntilInstanceStatusAsync_Timeout_ThrowsWithTheLastStateSeenAfterThePollAtTheDeadline()
    {
        using var test = new TestClient().AnswerInTurn(Seen("Running"), Seen("Running"), Seen("Running"), Seen("Starting"));
        var options = new EcsWorkflowOptions { TimeProvider = test.Time, WaitTimeout = TimeSpan.FromSeconds(10) };

        var error = await Assert.ThrowsAsync<InstanceWaitTimeoutException>(() => test.RunAsync(
            test.Client.WaitUntilInstanceStatusAsync("cn-hangzhou", "i-1", "Stopped", options)));

        // Polls at 0, 2, 6 and 10 s: the third pause (8 s) is cut to the 4 s left, so the last poll lands on the deadline.
        // The fake clock moves in 100 ms steps while the call runs: a busy machine may see the deadline a few steps late.
        Assert.Equal((4, "Starting", "status Stopped"), (error.Polls, error.LastSeen?.Status, error.Expected));
        Assert.InRange(error.Waited, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11));
        Assert.Contains("i-1 did not become status Stopped", error.Message, StringComparison.Ordinal);
        Assert.Contains("it was Starting with type ecs.g6.large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilInstanceStatusAsync_APollGetsNoAnswer_CountsAsAPollThatSawNothingAndGoesOn()
    {
        // The client does not repeat a call without a ClientToken that may have been sent; a read is safe to repeat.
        using var test = new TestClient().AnswerInTurn(Seen("Stopping"), TestClient.Lost(), TestClient.Error(503, "ServiceUnavailable"), Seen("Stopped"));

        var instance = await test.RunAsync(test.Client.WaitUntilInstanceStatusAsync("cn-hangzhou", "i-1", "Stopped", new EcsWorkflowOptions { TimeProvider = test.Time }));

        Assert.Equal(("Stopped", 4), (instance.Status, test.Sent.Count));
    }

    [Fact]
    public async Task WaitUntilInstanceStatusAsync_Cancelled_StopsPolling()
    {
        using var test = new TestClient().AnswerInTurn(Seen("Running"), Seen("Running"));
        using var cancel = new CancellationTokenSource();
        var wait = test.Client.WaitUntilInstanceStatusAsync("cn-hangzhou", "i-1", "Stopped", new EcsWorkflowOptions { TimeProvider = test.Time }, cancel.Token);
        while (test.Sent.Count == 0)
        {
            await Task.Delay(1);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Single(test.Sent);
    }
}
