using System.Diagnostics;
using System.Diagnostics.Metrics;
using AliEcsSpec.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AliEcsSpec.Client.Tests.Resilience;

/// <summary>What a retried call leaves in logs, traces and metrics, and that no secret is in any of it.</summary>
public sealed class RetryObservabilityTests
{
    private const string SecurityToken = "sts-token-abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task Logs_RetriedCall_OneLinePerAttemptWithOperationAttemptStatusCodeRequestIdAndToken()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var test = new TestClient(loggerFactory: loggers, retries: true)
            .AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.Lost(), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "tok-log" }));

        var lines = collector.GetSnapshot().Where(r => r.Category == "AliEcsSpec.Client").ToList();
        Assert.Collection(
            lines,
            l =>
            {
                Assert.Equal(LogLevel.Information, l.Level);
                Assert.StartsWith("ModifyInstanceSpec attempt 1 failed: HTTP 400 Throttling in ", l.Message, StringComparison.Ordinal);
                Assert.EndsWith($"; retrying in 2000 ms (RequestId: {TestClient.RequestId}, ClientToken: tok-log)", l.Message, StringComparison.Ordinal);
            },
            l =>
            {
                Assert.Equal(LogLevel.Information, l.Level);
                Assert.StartsWith("ModifyInstanceSpec attempt 2 got no answer after ", l.Message, StringComparison.Ordinal);
                Assert.EndsWith("May have reached the service: True; retrying in 1000 ms (ClientToken: tok-log)", l.Message, StringComparison.Ordinal);
            },
            l =>
            {
                Assert.Equal(LogLevel.Debug, l.Level);
                Assert.StartsWith("ModifyInstanceSpec attempt 3 succeeded: HTTP 200 in ", l.Message, StringComparison.Ordinal);
                Assert.EndsWith($"(RequestId: {TestClient.RequestId}, ClientToken: tok-log)", l.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task Logs_CallThatEndsInFailure_LogsTheLastAttemptAsAWarningWithTheReason()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var test = new TestClient(o => o.AutoClientToken = false, loggers, retries: true).AnswerInTurn(TestClient.Lost());

        await test.RunAsync(test.Client.TryModifyInstanceSpecAsync(TestClient.Spec()));

        var line = Assert.Single(collector.GetSnapshot(), r => r.Category == "AliEcsSpec.Client");
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("not retried: the request may have reached the service and carries no ClientToken", line.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(line.Exception);
    }

    [Fact]
    public async Task Logs_Scope_CarriesTheOperationAndTheGeneratedClientToken()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var test = new TestClient(loggerFactory: loggers, retries: true).AnswerInTurn(TestClient.SpecSuccess);

        var response = await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        var scope = Assert.Single(Assert.Single(collector.GetSnapshot()).Scopes);
        var values = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(scope).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("ModifyInstanceSpec", values["Operation"]);
        Assert.Equal(response.ClientToken, values["ClientToken"]);
    }

    [Fact]
    public async Task Logs_RetriesAfterAnEchoedSecret_ContainNoSecretTokenOrSignature()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var activities = new CapturedActivities();
        using var test = new TestClient(o => o.SecurityToken = SecurityToken, loggers, retries: true).AnswerInTurn(
            TestClient.Reply(500, $$"""{"RequestId":"r","Code":"InternalError","Message":"string to sign had {{SecurityToken}} and {{TestClient.AccessKeySecret}}"}"""),
            TestClient.Reply(502, $"<html>{TestClient.AccessKeySecret} {SecurityToken}</html>", "text/html"),
            TestClient.Lost(),
            TestClient.Error(400, "SignatureDoesNotMatch"));

        var result = await test.RunAsync(test.Client.TryModifyInstanceSpecAsync(TestClient.Spec()));

        var signatures = test.Sent.Select(f => f["Signature"]).ToList();
        var scanned = collector.GetSnapshot().Select(r => r.Message + " " + r.Exception).ToList();
        scanned.Add(result.Error!.ToString());
        scanned.Add(result.Error.ToException().ToString());
        scanned.AddRange(activities.Snapshot().SelectMany(a => a.Tags.Select(t => t.Value ?? string.Empty)
            .Concat(a.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString() ?? string.Empty)))));
        Assert.Equal(4, signatures.Count);
        Assert.True(scanned.Count >= 6, string.Join('\n', scanned));
        foreach (var secret in signatures.Append(TestClient.AccessKeySecret).Append(SecurityToken))
        {
            Assert.All(scanned, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Activity_RetriedCall_OneActivityWithRpcTagsAndOneEventPerRetry()
    {
        using var activities = new CapturedActivities();
        using var test = new TestClient(retries: true)
            .AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.Error(503, "ServiceUnavailable"), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "tok-activity" }));

        var activity = Assert.Single(activities.Snapshot(), a => (string?)a.GetTagItem("alibabacloud.ecs.client_token") == "tok-activity");
        Assert.Equal("Ecs/ModifyInstanceSpec", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("alibaba_cloud_rpc", activity.GetTagItem("rpc.system"));
        Assert.Equal("Ecs", activity.GetTagItem("rpc.service"));
        Assert.Equal("ModifyInstanceSpec", activity.GetTagItem("rpc.method"));
        Assert.Equal("ecs.cn-hangzhou.aliyuncs.com", activity.GetTagItem("server.address"));
        Assert.Equal(443, activity.GetTagItem("server.port"));
        Assert.Equal(TestClient.RequestId, activity.GetTagItem("alibabacloud.request_id"));
        Assert.Equal(3, activity.GetTagItem("aliecsspec.attempts"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal(
            [("aliecsspec.retry", "Throttling", 1), ("aliecsspec.retry", "ServiceUnavailable", 2)],
            activity.Events.Select(e => (e.Name, (string)e.Tags.First(t => t.Key == "error.type").Value!, (int)e.Tags.First(t => t.Key == "aliecsspec.attempt").Value!)));
    }

    [Fact]
    public async Task Activity_FailedCall_HasErrorStatusAndErrorType()
    {
        using var activities = new CapturedActivities();
        using var test = new TestClient(retries: true).AnswerInTurn(TestClient.Error(400, "InvalidInstanceId.NotFound"));

        await test.RunAsync(test.Client.TryModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "tok-failed" }));

        var activity = Assert.Single(activities.Snapshot(), a => (string?)a.GetTagItem("alibabacloud.ecs.client_token") == "tok-failed");
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("InvalidInstanceId.NotFound", activity.GetTagItem("error.type"));
        Assert.Equal(400, activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task Metrics_RetriedCall_CountsOneRequestTwoRetriesAndRecordsItsDuration()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var requests = new MetricCollector<long>(meters, "AliEcsSpec.Client", "aliecsspec.client.requests");
        using var retries = new MetricCollector<long>(meters, "AliEcsSpec.Client", "aliecsspec.client.retries");
        using var duration = new MetricCollector<double>(meters, "AliEcsSpec.Client", "aliecsspec.client.request.duration");
        using var test = new TestClient(retries: true, meterFactory: meters)
            .AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        // Small steps: every step that passes while a continuation waits for a busy CPU is added to the duration.
        await test.Time.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()), step: TimeSpan.FromMilliseconds(10));

        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal(1, request.Value);
        Assert.Equal("ModifyInstanceSpec", request.Tags["rpc.method"]);
        Assert.False(request.Tags.ContainsKey("error.type"));
        Assert.Equal([1L, 1L], retries.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.All(retries.GetMeasurementSnapshot(), m => Assert.Equal("Throttling", m.Tags["error.type"]));
        var seconds = Assert.Single(duration.GetMeasurementSnapshot()).Value;
        Assert.InRange(seconds, 6, 7);
    }

    [Fact]
    public async Task Logs_OnRetryThrows_LogsOnRetryFailedWithTheException()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var test = new TestClient(o => o.Retry.OnRetry = _ => throw new InvalidOperationException("observer bug"), loggers, retries: true)
            .AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "tok-observer" }));

        var line = Assert.Single(collector.GetSnapshot(), r => r.Id.Name == "OnRetryFailed");
        Assert.Equal("Retry.OnRetry threw for ModifyInstanceSpec attempt 1; the retry goes on (ClientToken: tok-observer)", line.Message);
        Assert.Equal("observer bug", line.Exception!.Message);
    }

    [Fact]
    public async Task Metrics_CancelledCall_IsCountedWithErrorTypeCanceled()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var requests = new MetricCollector<long>(meters, "AliEcsSpec.Client", "aliecsspec.client.requests");
        using var cancellation = new CancellationTokenSource();
        using var test = new TestClient(o => o.Retry.OnRetry = _ => { cancellation.Cancel(); return ValueTask.CompletedTask; }, retries: true, meterFactory: meters)
            .AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => test.Client.ModifyInstanceSpecAsync(TestClient.Spec(), cancellation.Token).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("canceled", Assert.Single(requests.GetMeasurementSnapshot()).Tags["error.type"]);
    }
}
