using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Resilience;

/// <summary>What <see cref="EcsRetryOptions.OnRetry"/> is told before a retry.</summary>
public sealed class EcsRetryEvent
{
    internal EcsRetryEvent(int attempt, TimeSpan delay, EcsError failure, CancellationToken cancellationToken)
    {
        Attempt = attempt;
        Delay = delay;
        Failure = failure;
        CancellationToken = cancellationToken;
    }

    /// <summary>The action being called, for example <c>ModifyInstanceSpec</c>.</summary>
    public string Operation => Failure.Operation;

    /// <summary>The number of the attempt that failed, starting at 1; the retry is attempt <c>Attempt + 1</c>.</summary>
    public int Attempt { get; }

    /// <summary>How long the client waits before the retry.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The ClientToken every attempt of this call sends, if any.</summary>
    public string? ClientToken => Failure.ClientToken;

    /// <summary>Why the attempt failed: the service's error, an unexpected answer, or no answer at all.</summary>
    public EcsError Failure { get; }

    /// <summary>The caller's cancellation token of the call, for work the callback does.</summary>
    public CancellationToken CancellationToken { get; }

    /// <inheritdoc />
    public override string ToString() => $"Retry of {Operation} after attempt {Attempt} in {Delay}: {Failure}";
}
