using System.Diagnostics;

namespace AliEcsSpec.Client;

/// <summary>
/// One logical call as the retry handler sees it: what the client fixed before the first attempt (the action and the
/// ClientToken every attempt sends) and what the attempts left behind (how many there were, and the last failure).
/// Travels on the <see cref="RpcRequestMessage"/>; used by one call at a time.
/// </summary>
internal sealed class RpcCall
{
    public RpcCall(string operation, string? clientToken, Activity? activity, long started)
    {
        Operation = operation;
        ClientToken = clientToken;
        Activity = activity;
        Started = started;
    }

    /// <summary>The API action.</summary>
    public string Operation { get; }

    /// <summary>The token every attempt sends; <see langword="null"/> when the call has none.</summary>
    public string? ClientToken { get; }

    /// <summary>The call's activity, which records one event per retry.</summary>
    public Activity? Activity { get; }

    /// <summary>The most bytes of an answer's body that are read (<see cref="EcsSpecClientOptions.MaxResponseBodyBytes"/>).</summary>
    public int MaxResponseBodyBytes { get; init; } = ResponseReader.DefaultMaxBodyBytes;

    /// <summary>The caller's cancellation token, which (unlike an attempt's time-out) ends the whole call.</summary>
    public CancellationToken CallerCancellation { get; set; }

    /// <summary>When the call started (a <see cref="TimeProvider"/> timestamp), for the total time-out.</summary>
    public long Started { get; }

    /// <summary>When the current attempt started.</summary>
    public long AttemptStarted { get; set; }

    /// <summary>What was left of the total time-out when the current attempt started; zero or less when nothing was.</summary>
    public TimeSpan TimeLeft { get; set; }

    /// <summary>The time-out of the current attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; }

    /// <summary>How many attempts have started.</summary>
    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed, with the client's reason for not retrying it; null after a success.</summary>
    public EcsError? LastFailure { get; set; }

    /// <summary>How many retries each kind of one-off re-signing has used (a nonce clash, an expired timestamp).</summary>
    public int NonceRetries { get; set; }

    /// <inheritdoc cref="NonceRetries"/>
    public int ClockRetries { get; set; }

    /// <summary>What the last retry took from the retry budget, returned when the call then succeeds.</summary>
    public int LastRetryCost { get; set; }

    /// <summary>What a retry that is decided but not yet begun took from the budget, returned if it never begins.</summary>
    public int PlannedRetryCost { get; set; }

    /// <summary>Whether the last attempt is to be retried.</summary>
    public bool RetryPlanned { get; set; }

    /// <summary>The back-off chosen for the next retry.</summary>
    public TimeSpan NextDelay { get; set; }
}
