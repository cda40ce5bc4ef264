using System.Diagnostics;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Resilience;

/// <summary>
/// The state of one logical call, with one owner: the client creates it (what is fixed before the first attempt:
/// the action, the ClientToken every attempt sends, how answers are read) and the retry handler's attempt-outcome
/// step is the only writer of what the attempts leave behind (<see cref="BeginAttempt"/>, <see cref="Record"/>).
/// Everything else only reads it. Travels on its request (<see cref="RpcCallRequest"/>); used by one call at a time.
/// </summary>
internal sealed class RpcCall
{
    public RpcCall(string operation, string? clientToken, IResponseReader reader, int maxResponseBodyBytes, Activity? activity, long started)
    {
        Operation = operation;
        ClientToken = clientToken;
        Reader = reader;
        MaxResponseBodyBytes = maxResponseBodyBytes;
        Activity = activity;
        Started = started;
    }

    /// <summary>The API action.</summary>
    public string Operation { get; }

    /// <summary>The token every attempt sends; <see langword="null"/> when the call has none.</summary>
    public string? ClientToken { get; }

    /// <summary>How the operation reads its answers.</summary>
    public IResponseReader Reader { get; }

    /// <summary>The most bytes of an answer's body that are read (<see cref="EcsSpecClientOptions.MaxResponseBodyBytes"/>).</summary>
    public int MaxResponseBodyBytes { get; }

    /// <summary>The call's activity, which records one event per retry.</summary>
    public Activity? Activity { get; }

    /// <summary>When the call started (a <see cref="TimeProvider"/> timestamp), for the total time-out.</summary>
    public long Started { get; }

    /// <summary>How many attempts have started.</summary>
    public int Attempts { get; private set; }

    /// <summary>What the last attempt came to; <see langword="null"/> until one ends. A failure carries the call's attempt count.</summary>
    public AttemptOutcome? Outcome { get; private set; }

    /// <summary>The decision on the last failed attempt; <see langword="null"/> after a success or before any attempt ends.</summary>
    public RetryDecision? Decision { get; private set; }

    /// <summary>Whether a retry was decided (and paid for) that has not started yet.</summary>
    public bool RetryPending => Decision is { Retries: true };

    /// <summary>What the last retry took from the retry budget, returned when the call then succeeds.</summary>
    public int LastRetryCost { get; private set; }

    /// <summary>How many retries each kind of one-off re-signing has used.</summary>
    private int ResignRetries { get; set; }

    /// <inheritdoc cref="ResignRetries"/>
    private int ClockRetries { get; set; }

    /// <summary>How many retries waited for the rate limiter's next permit after a throttling answer.</summary>
    private int PacedRetries { get; set; }

    /// <summary>How long the call's attempts waited for rate-limit permits, in all.</summary>
    public TimeSpan PermitWait { get; private set; }

    /// <summary>What the decider needs to know of the call after its latest attempt failed.</summary>
    public AttemptState StateAfterFailure(TimeSpan elapsed, bool hasServerDate, bool paced, TimeSpan? retryAfter) =>
        new(Attempts, ResignRetries, ClockRetries, elapsed, hasServerDate, paced, PacedRetries, retryAfter);

    /// <summary>The next attempt waited <paramref name="wait"/> for its rate-limit permit.</summary>
    public void Waited(TimeSpan wait) => PermitWait += wait;

    /// <summary>Starts the next attempt; the decision on the previous one is spent.</summary>
    public void BeginAttempt()
    {
        Attempts++;
        Decision = null;
    }

    /// <summary>The attempt-outcome step: what an attempt came to and, for a failure, what was decided.</summary>
    /// <param name="outcome">The classified outcome.</param>
    /// <param name="decision">For a failure, whether and how it is retried.</param>
    /// <param name="notRetriedBecause">For a failure the call ends with, the reason the caller is told, if any.</param>
    public void Record(AttemptOutcome outcome, RetryDecision? decision, string? notRetriedBecause)
    {
        Decision = decision;
        if (outcome.Error is { } error)
        {
            outcome = AttemptOutcome.Failure(error.AfterAttempts(Math.Max(Attempts, 1), notRetriedBecause));
        }

        Outcome = outcome;
        if (decision is { Retries: true } retry)
        {
            LastRetryCost = retry.Cost;
            ResignRetries += retry.Kind == RetryKind.Resign ? 1 : 0;
            ClockRetries += retry.Kind == RetryKind.CorrectClock ? 1 : 0;
            PacedRetries += retry.Kind == RetryKind.Pace ? 1 : 0;
        }
    }

    /// <summary>The retry that was decided will not happen (the caller cancelled before it): nothing is pending.</summary>
    public void AbandonRetry() => Decision = null;
}
