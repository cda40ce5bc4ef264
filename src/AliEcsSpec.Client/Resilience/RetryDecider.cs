using AliEcsSpec.Client.Errors;
using AliEcsSpec.Client.Resilience.RateLimiting;

namespace AliEcsSpec.Client.Resilience;

/// <summary>What the decider knows of a call when one of its attempts has failed.</summary>
/// <param name="Attempts">How many attempts have been made, the failed one included.</param>
/// <param name="ResignRetries">How many retries were re-signed after a refused nonce.</param>
/// <param name="ClockRetries">How many retries were re-signed with a corrected clock.</param>
/// <param name="Elapsed">How long the call has taken so far.</param>
/// <param name="HasServerDate">Whether the answer carried a <c>Date</c> header.</param>
/// <param name="Paced">Whether a rate limiter paces the call's AccessKey and endpoint (the rate-limit mode is not Off).</param>
/// <param name="PacedRetries">How many retries waited for the limiter's next permit after a throttling answer.</param>
/// <param name="RetryAfter">The server's hint of when to send again (<c>Retry-After</c>, <c>x-acs-retry-after</c>), if the answer had one.</param>
internal readonly record struct AttemptState(
    int Attempts, int ResignRetries, int ClockRetries, TimeSpan Elapsed, bool HasServerDate, bool Paced = false, int PacedRetries = 0, TimeSpan? RetryAfter = null);

/// <summary>
/// The one retry decision: whether a failed attempt is repeated, how, after what delay and at what cost to the retry
/// budget. Pure: the same error, state, options and jitter give the same decision. Retryability comes from the
/// error (<see cref="EcsError.IsRetryable"/>, which the catalog and the ClientToken rule decide); this adds what only
/// the call knows: attempts and time left, the one-off re-signings already used, and whether a rate limiter paces it.
/// </summary>
/// <remarks>
/// A throttling answer to a paced call is pacing, not failure: it is retried at the limiter's next permit, at no cost
/// to the retry budget (which is meant for outages) and without counting against <c>Retry.MaxAttempts</c>, up to
/// <see cref="MaxPacedRetries"/> such retries (none when <c>Retry.MaxAttempts</c> is 1, which turns retries off). Unpaced, it backs off like any other failure. A server's hint of when to
/// send again lengthens an unpaced back-off; a paced call's limiter holds every send of the key until then instead.
/// </remarks>
internal static class RetryDecider
{
    /// <summary>How many paced retries after throttling one call may make, besides its <c>Retry.MaxAttempts</c>.</summary>
    public const int MaxPacedRetries = 20;

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
            EcsRetryClass.Throttled when state.Paced && RateSignals.IsRateRefusal(error) => state.PacedRetries >= MaxPacedRetries || options.MaxAttempts <= 1
                ? RetryDecision.StopFor(StopReason.AttemptsExhausted)
                : RetryDecision.RetryAfter(RetryKind.Pace, TimeSpan.Zero, 0),
            EcsRetryClass.Throttled => RetryDecision.RetryAfter(
                RetryKind.Backoff, Hinted(Backoff(options.ThrottlingBaseDelay, UnpacedAttempts(state), options.MaxDelay, jitter), state), RetryBudget.RetryCost),
            _ => RetryDecision.RetryAfter(
                RetryKind.Backoff,
                Hinted(Backoff(options.BaseDelay, UnpacedAttempts(state), options.MaxDelay, jitter), state),
                error.Kind == EcsErrorKind.Transport ? RetryBudget.TimeoutRetryCost : RetryBudget.RetryCost),
        };

        if (!decision.Retries)
        {
            return decision;
        }

        if (decision.Kind != RetryKind.Pace && UnpacedAttempts(state) >= options.MaxAttempts)
        {
            return RetryDecision.StopFor(StopReason.AttemptsExhausted);
        }

        return state.Elapsed + decision.Delay >= options.TotalTimeout ? RetryDecision.StopFor(StopReason.TotalTimeoutReached) : decision;
    }

    /// <summary>The attempts that count against <c>Retry.MaxAttempts</c>: all but those that paced retries made.</summary>
    private static int UnpacedAttempts(AttemptState state) => state.Attempts - state.PacedRetries;

    /// <summary>A back-off no shorter than the server's hint, unless a limiter already holds the key until then.</summary>
    private static TimeSpan Hinted(TimeSpan backoff, AttemptState state) =>
        state is { Paced: false, RetryAfter: { } hint } && hint > backoff ? hint : backoff;

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
