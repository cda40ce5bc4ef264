using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Resilience;

/// <summary>What the decider knows of a call when one of its attempts has failed.</summary>
/// <param name="Attempts">How many attempts have been made, the failed one included.</param>
/// <param name="ResignRetries">How many retries were re-signed after a refused nonce.</param>
/// <param name="ClockRetries">How many retries were re-signed with a corrected clock.</param>
/// <param name="Elapsed">How long the call has taken so far.</param>
/// <param name="HasServerDate">Whether the answer carried a <c>Date</c> header.</param>
internal readonly record struct AttemptState(int Attempts, int ResignRetries, int ClockRetries, TimeSpan Elapsed, bool HasServerDate);

/// <summary>
/// The one retry decision: whether a failed attempt is repeated, how, after what delay and at what cost to the retry
/// budget. Pure: the same error, state, options and jitter give the same decision. Retryability comes from the
/// error (<see cref="EcsError.IsRetryable"/>, which the catalog and the ClientToken rule decide); this adds what only
/// the call knows: attempts and time left, and the one-off re-signings already used.
/// </summary>
internal static class RetryDecider
{
    /// <param name="error">Why the attempt failed.</param>
    /// <param name="state">The call so far.</param>
    /// <param name="options">The retry settings.</param>
    /// <param name="jitter">A number in [0, 1) that spreads the back-off between half and all of its value.</param>
    public static RetryDecision Decide(EcsError error, AttemptState state, EcsRetryOptions options, double jitter)
    {
        if (!error.IsRetryable)
        {
            return RetryDecision.StopFor(WhyNotRetryable(error));
        }

        var decision = error.RetryClass switch
        {
            EcsRetryClass.ResignWithServerClock when state.ClockRetries > 0 => RetryDecision.StopFor(StopReason.TimestampRefusedAgain),
            EcsRetryClass.ResignWithServerClock when !state.HasServerDate => RetryDecision.StopFor(StopReason.NoServerDate),
            EcsRetryClass.ResignWithServerClock => RetryDecision.RetryAfter(RetryKind.CorrectClock, TimeSpan.Zero, RetryBudget.RetryCost),
            EcsRetryClass.ResignOnce when state.ResignRetries > 0 => RetryDecision.StopFor(StopReason.SignatureRefusedAgain),
            EcsRetryClass.ResignOnce => RetryDecision.RetryAfter(RetryKind.Resign, TimeSpan.Zero, RetryBudget.RetryCost),
            EcsRetryClass.Throttled => RetryDecision.RetryAfter(
                RetryKind.Backoff, Backoff(options.ThrottlingBaseDelay, state.Attempts, options.MaxDelay, jitter), RetryBudget.RetryCost),
            _ => RetryDecision.RetryAfter(
                RetryKind.Backoff,
                Backoff(options.BaseDelay, state.Attempts, options.MaxDelay, jitter),
                error.Kind == EcsErrorKind.Transport ? RetryBudget.TimeoutRetryCost : RetryBudget.RetryCost),
        };

        if (!decision.Retries)
        {
            return decision;
        }

        if (state.Attempts >= options.MaxAttempts)
        {
            return RetryDecision.StopFor(StopReason.AttemptsExhausted);
        }

        return state.Elapsed + decision.Delay >= options.TotalTimeout ? RetryDecision.StopFor(StopReason.TotalTimeoutReached) : decision;
    }

    private static StopReason WhyNotRetryable(EcsError error) => error switch
    {
        { Kind: EcsErrorKind.Transport } => StopReason.MayHaveArrivedWithoutClientToken,
        { Kind: EcsErrorKind.UnexpectedResponse, StatusCode: >= (System.Net.HttpStatusCode)200 and < (System.Net.HttpStatusCode)300 } => StopReason.ServiceReportedSuccess,
        { RetryClass: EcsRetryClass.ResignOnce } => StopReason.NonceSeenWithoutClientToken,
        { RetryClass: EcsRetryClass.Transient } => StopReason.MayHaveBegunWithoutClientToken,
        _ => StopReason.NotRetryable,
    };

    /// <summary>Exponential back-off from <paramref name="baseDelay"/>, capped, jittered between half and all of it.</summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, int failedAttempt, TimeSpan maxDelay, double jitter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, failedAttempt - 1);
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * jitter)));
    }
}
