namespace AliEcsSpec.Client.Tests.Resilience;

/// <summary>
/// The one retry decision as a table: error, call state and options in; retry (kind, delay, cost) or stop (reason)
/// out. Defaults: 4 attempts, 0.5 s base delay, 2 s throttling base delay, 20 s cap, 2 min total; jitter 1.0.
/// </summary>
public sealed class RetryDeciderTests
{
    public enum Failure
    {
        InvalidParameter,
        InternalErrorWithToken,
        InternalErrorWithoutToken,
        ThrottlingWithoutToken,
        NonceUsedWithToken,
        NonceUsedWithoutToken,
        TimestampExpired,
        LostAnswerWithToken,
        LostAnswerWithoutToken,
        NeverSent,
        UnreadableSuccess,
        GatewayPageWithToken,
    }

    public static TheoryData<Failure, int, string> Retries => new()
    {
        // failure, attempts made, expected "kind delay-ms cost" (a 500 ms back-off at the first)
        { Failure.InternalErrorWithToken, 1, "Backoff 500 5" },
        { Failure.InternalErrorWithToken, 2, "Backoff 1000 5" },
        { Failure.InternalErrorWithToken, 3, "Backoff 2000 5" },
        { Failure.ThrottlingWithoutToken, 1, "Backoff 2000 5" },
        { Failure.ThrottlingWithoutToken, 3, "Backoff 8000 5" },
        { Failure.NonceUsedWithToken, 1, "Resign 0 5" },
        { Failure.TimestampExpired, 1, "CorrectClock 0 5" },
        { Failure.LostAnswerWithToken, 1, "Backoff 500 10" },
        { Failure.NeverSent, 2, "Backoff 1000 10" },
        { Failure.GatewayPageWithToken, 1, "Backoff 500 5" },
    };

    [Theory]
    [MemberData(nameof(Retries))]
    public void Decide_RetryableFailureWithAttemptsAndTimeLeft_RetriesAfterTheBackoffAtItsCost(Failure failure, int attempts, string expected)
    {
        var decision = RetryDecider.Decide(ErrorFor(failure), State(attempts), new EcsRetryOptions(), jitter: 1.0);

        Assert.True(decision.Retries);
        Assert.Equal(expected, $"{decision.Kind} {decision.Delay.TotalMilliseconds:F0} {decision.Cost}");
    }

    public static TheoryData<Failure, string> NotRetryable => new()
    {
        { Failure.InvalidParameter, nameof(StopReason.NotRetryable) },
        { Failure.InternalErrorWithoutToken, nameof(StopReason.MayHaveBegunWithoutClientToken) },
        { Failure.NonceUsedWithoutToken, nameof(StopReason.NonceSeenWithoutClientToken) },
        { Failure.LostAnswerWithoutToken, nameof(StopReason.MayHaveArrivedWithoutClientToken) },
        { Failure.UnreadableSuccess, nameof(StopReason.ServiceReportedSuccess) },
    };

    [Theory]
    [MemberData(nameof(NotRetryable))]
    public void Decide_FailureARepeatCouldMakeWorseOrNotChange_StopsForItsReason(Failure failure, string expected)
    {
        var error = ErrorFor(failure, mayHaveBeenSent: true);

        var decision = RetryDecider.Decide(error, State(1), new EcsRetryOptions(), jitter: 1.0);

        Assert.Equal(expected, decision.Stop.ToString());
        Assert.False(error.IsRetryable);
    }

    [Theory]
    [InlineData(Failure.InternalErrorWithToken)]
    [InlineData(Failure.ThrottlingWithoutToken)]
    [InlineData(Failure.LostAnswerWithToken)]
    [InlineData(Failure.NeverSent)]
    public void Decide_RetryableFailureOnTheLastAttempt_StopsAsAttemptsExhaustedAndTheErrorStaysRetryable(Failure failure)
    {
        var error = ErrorFor(failure);

        var decision = RetryDecider.Decide(error, State(attempts: 4), new EcsRetryOptions(), jitter: 1.0);

        Assert.Equal(StopReason.AttemptsExhausted, decision.Stop);
        Assert.True(error.IsRetryable);
    }

    [Theory]
    [InlineData(0.0, 250)]
    [InlineData(0.5, 375)]
    [InlineData(1.0, 500)]
    public void Decide_Jitter_SpreadsTheDelayBetweenHalfAndAllOfTheBackoff(double jitter, double expectedMilliseconds)
    {
        var decision = RetryDecider.Decide(ErrorFor(Failure.InternalErrorWithToken), State(1), new EcsRetryOptions(), jitter);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), decision.Delay);
    }

    [Fact]
    public void Decide_BackoffPastMaxDelay_IsCappedAtMaxDelay()
    {
        var options = new EcsRetryOptions { MaxAttempts = 10 };

        var decision = RetryDecider.Decide(ErrorFor(Failure.ThrottlingWithoutToken), State(attempts: 6), options, jitter: 1.0);

        Assert.Equal(TimeSpan.FromSeconds(20), decision.Delay);
    }

    [Theory]
    [InlineData(119_499, "")]
    [InlineData(119_500, nameof(StopReason.TotalTimeoutReached))]
    [InlineData(125_000, nameof(StopReason.TotalTimeoutReached))]
    public void Decide_DelayEndingAtOrAfterTheTotalTimeout_StopsAsTotalTimeoutReached(int elapsedMilliseconds, string expected)
    {
        var state = State(1) with { Elapsed = TimeSpan.FromMilliseconds(elapsedMilliseconds) };

        var decision = RetryDecider.Decide(ErrorFor(Failure.InternalErrorWithToken), state, new EcsRetryOptions(), jitter: 1.0);

        Assert.Equal(expected, decision.Stop?.ToString() ?? string.Empty);
    }

    [Fact]
    public void Decide_NonceRefusedAfterOneResign_StopsAsSignatureRefusedAgain()
    {
        var decision = RetryDecider.Decide(ErrorFor(Failure.NonceUsedWithToken), State(2) with { ResignRetries = 1 }, new EcsRetryOptions(), 1.0);

        Assert.Equal(StopReason.SignatureRefusedAgain, decision.Stop);
    }

    [Fact]
    public void Decide_TimestampRefusedAfterOneClockCorrection_StopsAsTimestampRefusedAgain()
    {
        var decision = RetryDecider.Decide(ErrorFor(Failure.TimestampExpired), State(2) with { ClockRetries = 1 }, new EcsRetryOptions(), 1.0);

        Assert.Equal(StopReason.TimestampRefusedAgain, decision.Stop);
    }

    [Fact]
    public void Decide_TimestampRefusedWithoutDateHeader_StopsAsNoServerDate()
    {
        var decision = RetryDecider.Decide(ErrorFor(Failure.TimestampExpired), State(1) with { HasServerDate = false }, new EcsRetryOptions(), 1.0);

        Assert.Equal(StopReason.NoServerDate, decision.Stop);
    }

    [Fact]
    public void Decide_SameInputs_SameDecision()
    {
        var error = ErrorFor(Failure.ThrottlingWithoutToken);

        Assert.Equal(
            RetryDecider.Decide(error, State(2), new EcsRetryOptions(), 0.3),
            RetryDecider.Decide(error, State(2), new EcsRetryOptions(), 0.3));
    }

    public static TheoryData<string, int, int, int, string> Paced => new()
    {
        // error code, attempts made, paced retries so far, MaxAttempts → expected "kind delay-ms cost" or the stop reason
        { "Throttling", 1, 0, 4, "Pace 0 0" },
        { "Throttling.User", 1, 0, 4, "Pace 0 0" },
        { "Throttling", 9, 8, 4, "Pace 0 0" },                          // paced retries do not count against MaxAttempts
        { "Throttling", 21, RetryDecider.MaxPacedRetries, 4, nameof(StopReason.AttemptsExhausted) },
        { "Throttling", 1, 0, 1, nameof(StopReason.AttemptsExhausted) }, // MaxAttempts 1 turns every retry off
        { "LastOrderProcessing", 1, 0, 4, "Backoff 2000 5" },           // a busy instance says nothing of the rate
        { "InternalError", 3, 2, 4, "Backoff 500 5" },                  // the back-off counts only the unpaced attempts
    };

    [Theory]
    [MemberData(nameof(Paced))]
    public void Decide_PacedCall_RetriesRateRefusalsAtTheNextPermitForFree(string code, int attempts, int pacedRetries, int maxAttempts, string expected)
    {
        var error = Service(code, code == "InternalError" ? EcsRetryClass.Transient : EcsRetryClass.Throttled, "t");
        var state = State(attempts) with { Paced = true, PacedRetries = pacedRetries };

        var decision = RetryDecider.Decide(error, state, new EcsRetryOptions { MaxAttempts = maxAttempts }, jitter: 1.0);

        Assert.Equal(expected, decision.Retries ? $"{decision.Kind} {decision.Delay.TotalMilliseconds:F0} {decision.Cost}" : decision.Stop.ToString());
    }

    [Theory]
    [InlineData(false, 5000, 5000)]  // unpaced: the hint is longer than the 2 s back-off, so it wins
    [InlineData(false, 1000, 2000)]  // unpaced: the back-off is longer
    [InlineData(true, 5000, 0)]      // paced: the limiter holds the key until the hint has passed
    public void Decide_ThrottledWithAServerHint_WaitsAtLeastTheHint(bool paced, int hintMilliseconds, int expectedDelayMilliseconds)
    {
        var state = State(1) with { Paced = paced, RetryAfter = TimeSpan.FromMilliseconds(hintMilliseconds) };

        var decision = RetryDecider.Decide(ErrorFor(Failure.ThrottlingWithoutToken), state, new EcsRetryOptions(), jitter: 1.0);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedDelayMilliseconds), decision.Delay);
    }

    private static AttemptState State(int attempts) => new(attempts, 0, 0, TimeSpan.Zero, HasServerDate: true);

    private static EcsError ErrorFor(Failure failure, bool mayHaveBeenSent = true) => failure switch
    {
        Failure.InvalidParameter => Service("InvalidParameter", EcsRetryClass.None, "t"),
        Failure.InternalErrorWithToken => Service("InternalError", EcsRetryClass.Transient, "t"),
        Failure.InternalErrorWithoutToken => Service("InternalError", EcsRetryClass.Transient, null),
        Failure.ThrottlingWithoutToken => Service("Throttling", EcsRetryClass.Throttled, null),
        Failure.NonceUsedWithToken => Service("SignatureNonceUsed", EcsRetryClass.ResignOnce, "t"),
        Failure.NonceUsedWithoutToken => Service("SignatureNonceUsed", EcsRetryClass.ResignOnce, null),
        Failure.TimestampExpired => Service("InvalidTimeStamp.Expired", EcsRetryClass.ResignWithServerClock, null),
        Failure.LostAnswerWithToken => OutcomeClassifier.NoAnswer(new HttpRequestException("reset"), "ModifyInstanceSpec", "t"),
        Failure.LostAnswerWithoutToken => OutcomeClassifier.NoAnswer(new HttpRequestException("reset"), "ModifyInstanceSpec", null),
        Failure.NeverSent => OutcomeClassifier.NoAnswer(new HttpRequestException("reset"), "ModifyInstanceSpec", null, signed: false),
        Failure.UnreadableSuccess => new EcsError(
            EcsErrorKind.UnexpectedResponse, "ModifyInstanceSpec", "unreadable", System.Net.HttpStatusCode.OK, clientToken: "t"),
        Failure.GatewayPageWithToken => new EcsError(
            EcsErrorKind.UnexpectedResponse, "ModifyInstanceSpec", "gateway", System.Net.HttpStatusCode.BadGateway,
            clientToken: "t", retryClass: EcsRetryClass.Transient, requestMayHaveBeenSent: mayHaveBeenSent),
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };

    private static EcsError Service(string code, EcsRetryClass retryClass, string? clientToken) => new(
        EcsErrorKind.Service, "ModifyInstanceSpec", code, System.Net.HttpStatusCode.BadRequest, code, "R-1", clientToken: clientToken, retryClass: retryClass);
}
