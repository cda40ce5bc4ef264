using System.Globalization;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Resilience;

/// <summary>Why the client does not repeat a failed attempt.</summary>
internal enum StopReason
{
    /// <summary>Repeating the same request yields the same answer.</summary>
    NotRetryable,

    /// <summary>The service answered with success but an unreadable document: it may have acted.</summary>
    ServiceReportedSuccess,

    /// <summary>No answer, the request may have arrived, and without a ClientToken a repeat could act twice.</summary>
    MayHaveArrivedWithoutClientToken,

    /// <summary>A service-side failure after which the change may have begun, and the call has no ClientToken.</summary>
    MayHaveBegunWithoutClientToken,

    /// <summary>A refused nonce: a request with it reached the service and may have acted, and the call has no ClientToken.</summary>
    NonceSeenWithoutClientToken,

    /// <summary>The signature was refused again after one re-signed retry.</summary>
    SignatureRefusedAgain,

    /// <summary>The timestamp was refused again after the clock was corrected once.</summary>
    TimestampRefusedAgain,

    /// <summary>The answer has no <c>Date</c> header to learn the server's clock from.</summary>
    NoServerDate,

    /// <summary>Every attempt <c>Retry.MaxAttempts</c> allows was made.</summary>
    AttemptsExhausted,

    /// <summary>The next attempt would start after <c>Retry.TotalTimeout</c>.</summary>
    TotalTimeoutReached,

    /// <summary>The process-wide retry budget is spent.</summary>
    RetryBudgetSpent,
}

/// <summary>How a retry is carried out.</summary>
internal enum RetryKind
{
    /// <summary>After an exponential, jittered back-off.</summary>
    Backoff,

    /// <summary>At once, re-signed with a new nonce.</summary>
    Resign,

    /// <summary>At once, re-signed with the server's clock learned from the answer's <c>Date</c> header.</summary>
    CorrectClock,

    /// <summary>After a throttling answer, at the rate limiter's next permit.</summary>
    Pace,
}

/// <summary>What <see cref="RetryDecider"/> decided for one failed attempt: retry (how, when, at what cost), or stop and why.</summary>
internal readonly record struct RetryDecision(StopReason? Stop, RetryKind Kind, TimeSpan Delay, int Cost)
{
    public bool Retries => Stop is null;

    public static RetryDecision RetryAfter(RetryKind kind, TimeSpan delay, int cost) => new(null, kind, delay, cost);

    public static RetryDecision StopFor(StopReason reason) => new(reason, default, TimeSpan.Zero, 0);

    /// <summary>
    /// Whether the caller learns the reason from the error: only when it is not obvious from the error itself (not
    /// retryable by nature) or from its attempt count.
    /// </summary>
    public bool IsWorthTelling(EcsError error) =>
        Stop is { } reason and not StopReason.AttemptsExhausted
        && (error.RetryClass != EcsRetryClass.None || error.Kind == EcsErrorKind.Transport);

    /// <summary>The decision in words, for the attempt's log line.</summary>
    public string Describe(TimeSpan totalTimeout) => Stop is { } reason
        ? "not retried: " + Explain(reason, totalTimeout)
        : Kind == RetryKind.Pace
            ? "retrying at the rate limiter's next permit"
            : string.Create(CultureInfo.InvariantCulture, $"retrying in {Delay.TotalMilliseconds:F0} ms");

    /// <summary>Why the client stopped, in words a person can act on.</summary>
    public static string Explain(StopReason reason, TimeSpan totalTimeout) => reason switch
    {
        StopReason.NotRetryable => "the error is not retryable",
        StopReason.ServiceReportedSuccess => "the service reported success, so it may have acted",
        StopReason.MayHaveArrivedWithoutClientToken => "the request may have reached the service and carries no ClientToken (AutoClientToken is off), so repeating it could apply the change twice",
        StopReason.MayHaveBegunWithoutClientToken => "the service may have begun the change before it failed, and the call carries no ClientToken (AutoClientToken is off)",
        StopReason.NonceSeenWithoutClientToken => "a request with this very nonce reached the service before and may have acted, and the call carries no ClientToken (AutoClientToken is off)",
        StopReason.SignatureRefusedAgain => "the signature was refused again after one re-signed retry",
        StopReason.TimestampRefusedAgain => "the timestamp was rejected again after the clock was corrected once",
        StopReason.NoServerDate => "the answer has no Date header to correct the clock from",
        StopReason.AttemptsExhausted => "every attempt Retry.MaxAttempts allows was made",
        StopReason.TotalTimeoutReached => string.Create(CultureInfo.InvariantCulture, $"the next attempt would start after Retry.TotalTimeout ({totalTimeout})"),
        StopReason.RetryBudgetSpent => "the process-wide retry budget is spent (many calls are failing; it refills as calls succeed)",
        _ => reason.ToString(),
    };
}
