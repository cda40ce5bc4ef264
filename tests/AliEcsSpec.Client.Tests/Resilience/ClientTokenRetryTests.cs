using System.Net;
using AliEcsSpec.Client.Tests.Support;
using RichardSzalay.MockHttp;

namespace AliEcsSpec.Client.Tests.Resilience;

/// <summary>
/// What the client repeats, with which ClientToken, after how long, and what it never repeats. Every test runs the
/// shipped defaults (AutoClientToken on, 4 attempts, 0.5 s / 2 s base back-offs) on a fake clock, with the jitter
/// pinned to its maximum so that each back-off is exact.
/// </summary>
public sealed class ClientTokenRetryTests
{
    private static TestClient Retrying(Action<EcsSpecClientOptions>? configure = null) => new(configure, retries: true);

    [Fact]
    public async Task ModifyInstanceSpecAsync_NoClientTokenGiven_SendsAGeneratedGuidAndReturnsIt()
    {
        using var test = Retrying().AnswerInTurn(TestClient.SpecSuccess);

        var response = await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        var sent = Assert.Single(test.Sent)["ClientToken"];
        Assert.True(Guid.TryParseExact(sent, "D", out _), sent);
        Assert.Equal(sent, response.ClientToken);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_AutoClientTokenOff_SendsNoClientToken()
    {
        using var test = Retrying(o => o.AutoClientToken = false).AnswerInTurn(TestClient.SpecSuccess);

        var response = await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.False(Assert.Single(test.Sent).Fields.ContainsKey("ClientToken"));
        Assert.Null(response.ClientToken);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_Throttled_RetriesWithTheSameTokenAndAFreshNonceTimestampAndSignature()
    {
        using var test = Retrying().AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        var response = await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(2, test.Sent.Count);
        var (first, second) = (test.Sent[0], test.Sent[1]);
        Assert.Equal(first["ClientToken"], second["ClientToken"]);
        Assert.Equal(response.ClientToken, second["ClientToken"]);
        Assert.NotEqual(first["SignatureNonce"], second["SignatureNonce"]);
        Assert.Equal("2026-11-23T08:30:15Z", first["Timestamp"]);
        Assert.Equal("2026-11-23T08:30:17Z", second["Timestamp"]);
        Assert.Equal(first.ExpectedSignature(TestClient.AccessKeySecret), first["Signature"]);
        Assert.Equal(second.ExpectedSignature(TestClient.AccessKeySecret), second["Signature"]);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_CallerToken_IsSentAsGivenOnEveryAttempt()
    {
        using var test = Retrying().AnswerInTurn(TestClient.Error(503, "ServiceUnavailable"), TestClient.Error(500, "InternalError"), TestClient.PrepaySuccess);

        var response = await test.RunAsync(test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { ClientToken = "order-7f3a" }));

        Assert.Equal(["order-7f3a", "order-7f3a", "order-7f3a"], test.Sent.Select(f => f["ClientToken"]));
        Assert.Equal("order-7f3a", response.ClientToken);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_AnswerLostAfterTheRequestWasSent_EndsInOneSuccessWithOneToken()
    {
        var causes = new List<Exception?>();
        using var test = Retrying(o => o.Retry.OnRetry = e => { causes.Add(e.Failure.InnerException); return ValueTask.CompletedTask; })
            .AnswerInTurn(TestClient.Lost(), TestClient.PrepaySuccess);

        var result = await test.RunAsync(test.Client.TryModifyPrepayInstanceSpecAsync(TestClient.Prepay()));

        Assert.True(result.IsSuccess);
        Assert.Equal(HttpRequestError.ResponseEnded, Assert.IsType<HttpRequestException>(Assert.Single(causes)).HttpRequestError);
        Assert.Equal("1234567890", result.Value.OrderId);
        Assert.Equal(2, test.Sent.Count);
        Assert.Single(test.Sent.Select(f => f["ClientToken"]).Append(result.Value.ClientToken!).Distinct());
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_AttemptTimesOut_RetriesWithTheSameToken()
    {
        using var test = Retrying(o => o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5));
        var attempts = 0;
        test.Handler.When("*").Respond(async (HttpRequestMessage request) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await Task.Delay(TimeSpan.FromHours(1), test.Time);
            }

            return TestClient.SpecSuccess(request);
        });

        var response = await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(2, attempts);
        Assert.NotNull(response.ClientToken);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_AnswerLostWithoutAnyToken_IsNotRepeatedAndSaysSo()
    {
        using var test = Retrying(o => o.AutoClientToken = false).AnswerInTurn(TestClient.Lost(), TestClient.PrepaySuccess);

        var error = await Assert.ThrowsAsync<EcsTransportException>(
            () => test.RunAsync(test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay())));

        Assert.Single(test.Sent);
        Assert.True(error.RequestMayHaveBeenSent);
        Assert.Null(error.ClientToken);
        Assert.Contains("the client did not repeat it (turn on AutoClientToken or pass a ClientToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("Not retried: the request may have reached the service and carries no ClientToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_InternalErrorWithoutAnyToken_IsNotRepeated()
    {
        using var test = Retrying(o => o.AutoClientToken = false).AnswerInTurn(TestClient.Error(500, "InternalError"), TestClient.SpecSuccess);

        var error = await Assert.ThrowsAsync<EcsServiceFailureException>(
            () => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Single(test.Sent);
        Assert.False(error.IsRetryable);
        Assert.Contains("Not retried: the service may have begun the change before it failed, and the call carries no ClientToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_ThrottledWithoutAnyToken_IsStillRetried()
    {
        using var test = Retrying(o => o.AutoClientToken = false).AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(2, test.Sent.Count);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_ConnectionRefusedWithoutAnyToken_IsRetriedBecauseNothingWasSent()
    {
        using var test = Retrying(o => o.AutoClientToken = false).AnswerInTurn(
            TestClient.Lost(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(2, test.Sent.Count);
    }

    [Theory]
    [InlineData(502, "<html><body>502 Bad Gateway</body></html>", "text/html")]
    [InlineData(503, "", "text/plain")]
    [InlineData(504, "upstream timed out", "text/plain")]
    [InlineData(500, "{\"RequestId\":\"r\"}", "application/json")]
    [InlineData(429, "slow down", "text/plain")]
    public async Task ModifyInstanceSpecAsync_GatewayStatusWithoutAnErrorDocument_IsRetried(int status, string body, string mediaType)
    {
        using var test = Retrying().AnswerInTurn(TestClient.Reply(status, body, mediaType), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(2, test.Sent.Count);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_AlwaysThrottled_MakesMaxAttemptsAndReportsThem()
    {
        using var test = Retrying().AnswerInTurn(Enumerable.Repeat(TestClient.Error(400, "Throttling"), 4).ToArray());

        var error = await Assert.ThrowsAsync<EcsThrottlingException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Equal(4, test.Sent.Count);
        Assert.Equal(4, error.Error.Attempts);
        Assert.StartsWith("ModifyInstanceSpec failed after 4 attempts: HTTP 400 Throttling", error.Message, StringComparison.Ordinal);
        Assert.Equal(test.Sent[0]["ClientToken"], error.ClientToken);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_Throttled_BacksOffTwoFourEightSeconds()
    {
        var delays = new List<TimeSpan>();
        using var test = Retrying(o => o.Retry.OnRetry = e => { delays.Add(e.Delay); return ValueTask.CompletedTask; })
            .AnswerInTurn(Enumerable.Repeat(TestClient.Error(400, "Throttling"), 4).ToArray());

        await test.RunAsync(test.Client.TryModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], delays);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_ServiceFailures_BackOffFromBaseDelayUpToMaxDelay()
    {
        var delays = new List<TimeSpan>();
        using var test = Retrying(o =>
            {
                o.Retry.MaxAttempts = 5;
                o.Retry.MaxDelay = TimeSpan.FromSeconds(1.5);
                o.Retry.OnRetry = e => { delays.Add(e.Delay); return ValueTask.CompletedTask; };
            })
            .AnswerInTurn(Enumerable.Repeat(TestClient.Error(500, "InternalError"), 5).ToArray());

        await test.RunAsync(test.Client.TryModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.5)], delays);
    }

    [Fact]
    public async Task OnRetry_EachRetry_IsToldTheFailedAttemptAndItsError()
    {
        var events = new List<EcsRetryEvent>();
        using var test = Retrying(o => o.Retry.OnRetry = e => { events.Add(e); return ValueTask.CompletedTask; })
            .AnswerInTurn(TestClient.Error(403, "LastTokenProcessing"), TestClient.Lost(), TestClient.SpecSuccess);

        var response = await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "tok-1" }));

        Assert.Collection(
            events,
            e => Assert.Equal((1, "LastTokenProcessing", "tok-1", "ModifyInstanceSpec"), (e.Attempt, e.Failure.ErrorCode, e.ClientToken, e.Operation)),
            e => Assert.Equal((2, EcsErrorKind.Transport, "tok-1"), (e.Attempt, e.Failure.Kind, e.ClientToken)));
        Assert.Equal("tok-1", response.ClientToken);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_NextBackOffWouldPassTheTotalTimeout_StopsWithTheLastAnswer()
    {
        using var test = Retrying(o => (o.Retry.TotalTimeout, o.Retry.AttemptTimeout) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)))
            .AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        var error = await Assert.ThrowsAsync<EcsThrottlingException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Equal(2, test.Sent.Count);
        Assert.Contains("Not retried: the next attempt would start after Retry.TotalTimeout (00:00:05)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_OnRetryUsesUpTheTotalTimeout_SendsNoFurtherAttempt()
    {
        // The callback runs during the back-off (zero after a nonce clash) and takes longer than the call had left.
        Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null;
        using var test = Retrying(o =>
            {
                (o.Retry.TotalTimeout, o.Retry.AttemptTimeout) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
                o.Retry.OnRetry = _ => { time!.Advance(TimeSpan.FromSeconds(6)); return ValueTask.CompletedTask; };
            })
            .AnswerInTurn(TestClient.Error(400, "SignatureNonceUsed"), TestClient.SpecSuccess);
        time = test.Time;

        var error = await Assert.ThrowsAsync<EcsTransportException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Single(test.Sent);
        Assert.Equal("Retry.TotalTimeout was reached before the next attempt could start; it was not sent.", error.Error.Message);
        Assert.False(error.Error.RequestMayHaveBeenSent);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_IdempotenceParamNotMatch_IsNeverRetried()
    {
        using var test = Retrying().AnswerInTurn(TestClient.Error(400, "IdempotenceParamNotMatch"), TestClient.SpecSuccess);

        var error = await Assert.ThrowsAsync<EcsIdempotencyMismatchException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Single(test.Sent);
        Assert.Equal(1, error.Error.Attempts);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SignatureNonceUsed_IsRetriedOnceAtOnceWithANewNonce()
    {
        var delays = new List<TimeSpan>();
        using var test = Retrying(o => o.Retry.OnRetry = e => { delays.Add(e.Delay); return ValueTask.CompletedTask; })
            .AnswerInTurn(TestClient.Error(400, "SignatureNonceUsed"), TestClient.Error(400, "SignatureNonceUsed"), TestClient.SpecSuccess);

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Equal(2, test.Sent.Count);
        Assert.NotEqual(test.Sent[0]["SignatureNonce"], test.Sent[1]["SignatureNonce"]);
        Assert.Equal([TimeSpan.Zero], delays);
        Assert.Contains("Not retried: the signature was refused again after one re-signed retry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_TimestampExpired_ResignsWithTheServerClockAndKeepsItForLaterCalls()
    {
        var serverNow = TestClient.Now.AddMinutes(20);
        using var test = Retrying().AnswerInTurn(
            TestClient.Error(400, "InvalidTimeStamp.Expired", r => r.Headers.Date = serverNow),
            TestClient.SpecSuccess,
            TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));
        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal("2026-11-23T08:30:15Z", test.Sent[0]["Timestamp"]);
        var corrected = DateTimeOffset.Parse(test.Sent[1]["Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(corrected, serverNow, serverNow.AddSeconds(1));
        var later = DateTimeOffset.Parse(test.Sent[2]["Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(later, serverNow, serverNow.AddSeconds(2));
        Assert.Equal(test.Sent[1].ExpectedSignature(TestClient.AccessKeySecret), test.Sent[1]["Signature"]);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_TimestampExpiredWithADateAtTheEndOfTheCalendar_LaterCallsSignWithTheLocalClock()
    {
        using var test = Retrying().AnswerInTurn(
            TestClient.Error(400, "InvalidTimeStamp.Expired", r => r.Headers.TryAddWithoutValidation("Date", "Fri, 31 Dec 9999 23:59:59 GMT")),
            TestClient.SpecSuccess,
            TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));
        test.Time.Advance(TimeSpan.FromMinutes(1));
        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(3, test.Sent.Count);
        var later = DateTimeOffset.Parse(test.Sent[2]["Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(later, TestClient.Now.AddMinutes(1).AddSeconds(-1), TestClient.Now.AddMinutes(1).AddSeconds(2));
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_TimestampExpiredTwice_IsRetriedOnlyOnce()
    {
        var serverNow = TestClient.Now.AddMinutes(-30);
        using var test = Retrying().AnswerInTurn(
            TestClient.Error(400, "InvalidTimeStamp.Expired", r => r.Headers.Date = serverNow),
            TestClient.Error(400, "InvalidTimeStamp.Expired", r => r.Headers.Date = serverNow),
            TestClient.SpecSuccess);

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Equal(2, test.Sent.Count);
        Assert.Contains("Not retried: the timestamp was rejected again after the clock was corrected once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_TimestampExpiredWithoutADateHeader_IsNotRetried()
    {
        using var test = Retrying().AnswerInTurn(TestClient.Error(400, "InvalidTimeStamp.Expired"), TestClient.SpecSuccess);

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Single(test.Sent);
        Assert.Contains("Not retried: the answer has no Date header to correct the clock from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_CallerCancelsDuringTheBackOff_StopsAtOnce()
    {
        using var cancellation = new CancellationTokenSource();
        using var test = Retrying(o => o.Retry.OnRetry = _ => { cancellation.Cancel(); return ValueTask.CompletedTask; })
            .AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        var call = test.Client.ModifyInstanceSpecAsync(TestClient.Spec(), cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(test.Sent);
    }

    [Fact]
    public async Task TryModifyInstanceSpecAsync_CallerCancelsDuringTheBackOff_ThrowsInsteadOfReturningAFailure()
    {
        using var cancellation = new CancellationTokenSource();
        using var test = Retrying(o => o.Retry.OnRetry = _ => { cancellation.Cancel(); return ValueTask.CompletedTask; })
            .AnswerInTurn(TestClient.Lost(), TestClient.SpecSuccess);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => test.Client.TryModifyInstanceSpecAsync(TestClient.Spec(), cancellation.Token).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(test.Sent);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_RetryBudgetSpent_FailsAfterTheFirstAttemptAndSaysWhy()
    {
        using var test = Retrying().AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);
        test.Budget.TryAcquire(test.Budget.Available - (RetryBudget.RetryCost - 1));

        var error = await Assert.ThrowsAsync<EcsThrottlingException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Single(test.Sent);
        Assert.Contains("Not retried: the process-wide retry budget is spent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_RetryBudgetOff_RetriesWithAnEmptyBudget()
    {
        using var test = Retrying(o => o.Retry.UseRetryBudget = false).AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);
        test.Budget.TryAcquire(test.Budget.Available);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(2, test.Sent.Count);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SuccessAfterARetry_ReturnsWhatTheRetryCost()
    {
        using var test = Retrying().AnswerInTurn(TestClient.Lost(), TestClient.SpecSuccess);
        test.Budget.TryAcquire(100);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(RetryBudget.Capacity - 100, test.Budget.Available);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SignatureNonceUsedWithoutAnyToken_IsNotRepeated()
    {
        using var test = Retrying(o => o.AutoClientToken = false).AnswerInTurn(TestClient.Error(400, "SignatureNonceUsed"), TestClient.SpecSuccess);

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Single(test.Sent);
        Assert.Contains("Not retried: a request with this very nonce reached the service before and may have acted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnRetry_Throws_TheRetryGoesOnAndTheCallSucceeds()
    {
        using var test = Retrying(o => o.Retry.OnRetry = _ => throw new InvalidOperationException("observer bug"))
            .AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        var response = await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(2, test.Sent.Count);
        Assert.Equal(TestClient.RequestId, response.RequestId);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_CallerCancelsDuringTheBackOff_RefundsTheRetryThatNeverBegan()
    {
        using var cancellation = new CancellationTokenSource();
        using var test = Retrying(o => o.Retry.OnRetry = _ => { cancellation.Cancel(); return ValueTask.CompletedTask; })
            .AnswerInTurn(TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => test.Client.ModifyInstanceSpecAsync(TestClient.Spec(), cancellation.Token).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(RetryBudget.Capacity, test.Budget.Available);
    }

    [Fact]
    public async Task TryModifyInstanceSpecAsync_ConnectionFailsAsTheCallerCancels_ThrowsOperationCanceledNotTheRawException()
    {
        using var cancellation = new CancellationTokenSource();
        using var test = Retrying();
        test.Handler.When("*").Respond(_ =>
        {
            cancellation.Cancel();
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
        });

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => test.Client.TryModifyInstanceSpecAsync(TestClient.Spec(), cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SuccessAfterTwoRetries_ReturnsOnlyTheLastRetrysCost()
    {
        using var test = Retrying().AnswerInTurn(TestClient.Lost(), TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(RetryBudget.Capacity - RetryBudget.TimeoutRetryCost, test.Budget.Available);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_CredentialsTooSlowForTheAttemptTimeout_CountsAsNotSentAndIsRetriedWithoutAToken()
    {
        using var test = new TestClient(
            o => (o.AutoClientToken, o.Retry.MaxAttempts, o.Retry.AttemptTimeout) = (false, 2, TimeSpan.FromSeconds(5)),
            credentials: new HangingCredentials(),
            retries: true);

        var error = await Assert.ThrowsAsync<EcsTransportException>(() => test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec())));

        Assert.Empty(test.Sent);
        Assert.False(error.RequestMayHaveBeenSent);
        Assert.Equal(2, error.Error.Attempts);
        Assert.Contains("The attempt failed before the request was signed and sent: The attempt timed out after 5 s.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MaxAttemptsZero_ThrowsNamingTheOptionAndTheRule()
    {
        var options = new EcsSpecClientOptions { RegionId = "cn-hangzhou", AccessKeyId = "id", AccessKeySecret = "s" };
        options.Retry.MaxAttempts = 0;

        var error = Assert.Throws<ArgumentException>(() => EcsSpecClient.Create(options));

        Assert.Contains("MaxAttempts: The field EcsSpecClientOptions.Retry.MaxAttempts must be between 1 and 10.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AttemptTimeoutLongerThanTotalTimeout_ThrowsNamingBoth()
    {
        var options = new EcsSpecClientOptions { RegionId = "cn-hangzhou", AccessKeyId = "id", AccessKeySecret = "s" };
        options.Retry.AttemptTimeout = TimeSpan.FromMinutes(3);

        var error = Assert.Throws<ArgumentException>(() => EcsSpecClient.Create(options));

        Assert.Contains("Retry.AttemptTimeout (00:03:00) must not be longer than Retry.TotalTimeout (00:02:00)", error.Message, StringComparison.Ordinal);
    }

    private sealed class HangingCredentials : AliEcsSpec.Client.Credentials.ICredentialsProvider
    {
        public async ValueTask<AliEcsSpec.Client.Credentials.AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
