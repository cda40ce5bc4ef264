using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Errors;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Client.Signing;

namespace AliEcsSpec.Client.Resilience;

/// <summary>What an attempt got from the pacer: its key's limiter (null when pacing is off), and whether the permit came in time.</summary>
internal readonly record struct AttemptPermit(PacingRateLimiter? Limiter, bool Granted);

/// <summary>
/// Takes each attempt's rate-limit permit, first attempts and retries alike, from the limiter its AccessKey ID and
/// endpoint share with every other client in the process. The retry handler asks for it inside its retry loop and
/// outside the attempt time-out, so the wait counts against the call's total time-out and the caller's cancellation
/// only.
/// </summary>
internal sealed class AttemptPacer
{
    private readonly EcsRateLimitOptions _options;
    private readonly RateLimiterRegistry _registry;
    private readonly Func<CancellationToken, ValueTask<SigningKey>> _keys;
    private readonly TimeProvider _time;
    private readonly EcsTelemetry _telemetry;
    private readonly string? _configuredAccessKeyId;

    // The limiter of the last attempt: nearly every attempt of a client is for the same key and endpoint.
    private volatile Cached? _last;

    /// <param name="configuredAccessKeyId">The AccessKey ID of the options, when they give one: it chooses the limiter without asking the credentials.</param>
    /// <param name="options">The rate-limit settings (a snapshot).</param>
    /// <param name="registry">The limiters of the process, normally <see cref="RateLimiterRegistry.Shared"/>.</param>
    /// <param name="keys">The current signing key, whose AccessKey ID chooses the limiter.</param>
    /// <param name="time">The clock of the waits.</param>
    /// <param name="telemetry">Where waits are measured and rates observed.</param>
    public AttemptPacer(
        string? configuredAccessKeyId,
        EcsRateLimitOptions options, RateLimiterRegistry registry, Func<CancellationToken, ValueTask<SigningKey>> keys, TimeProvider time, EcsTelemetry telemetry)
    {
        _configuredAccessKeyId = string.IsNullOrWhiteSpace(configuredAccessKeyId) ? null : configuredAccessKeyId;
        _options = options.Clone();
        _registry = registry;
        _keys = keys;
        _time = time;
        _telemetry = telemetry;
        if (Paces)
        {
            telemetry.ObserveRates(registry.Rates);
        }
    }

    /// <summary>Whether attempts are paced at all.</summary>
    public bool Paces => _options.Mode != RateLimitMode.Off;

    /// <summary>
    /// Waits for the attempt's permit, if it comes within <paramref name="timeLeft"/>; refuses at once, taking nothing,
    /// when it would come later.
    /// </summary>
    public ValueTask<AttemptPermit> TakeAsync(Uri endpoint, TimeSpan timeLeft, RpcCall call, CancellationToken cancellationToken)
    {
        if (!Paces)
        {
            return new ValueTask<AttemptPermit>(new AttemptPermit(null, Granted: true));
        }

        if (_configuredAccessKeyId is { } configured)
        {
            return TakeAsync(LimiterFor(configured, endpoint), timeLeft, call, cancellationToken);
        }

        // Credentials still being fetched are the signing handler's to wait for, within the attempt time-out: the
        // attempt is paced by the limiter this pacer last used, or, before any, only once they have arrived.
        var key = _keys(cancellationToken);
        if (key.IsCompletedSuccessfully)
        {
            return TakeAsync(LimiterFor(key.Result.AccessKeyId, endpoint), timeLeft, call, cancellationToken);
        }

        return _last is { } last ? TakeAsync(last.Limiter, timeLeft, call, cancellationToken) : TakeWhenKeyArrivesAsync(key, endpoint, timeLeft, call, cancellationToken);
    }

    private async ValueTask<AttemptPermit> TakeWhenKeyArrivesAsync(
        ValueTask<SigningKey> key, Uri endpoint, TimeSpan timeLeft, RpcCall call, CancellationToken cancellationToken) =>
        await TakeAsync(LimiterFor((await key.ConfigureAwait(false)).AccessKeyId, endpoint), timeLeft, call, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// What a failed attempt tells its limiter: a rate refusal cuts the rate, any other answer was accepted, and a
    /// server's hint holds every send of the key until it has passed.
    /// </summary>
    /// <returns>The cut of the learnt rate, when there was one.</returns>
    public static RateChange? Learn(PacingRateLimiter? limiter, EcsError error, bool answered, TimeSpan? retryAfter)
    {
        if (limiter is null)
        {
            return null;
        }

        RateChange? cut = null;
        if (RateSignals.IsRateRefusal(error))
        {
            cut = limiter.OnThrottled();
        }
        else if (answered)
        {
            limiter.OnAccepted();
        }

        if (retryAfter is { } hint)
        {
            limiter.HoldFor(hint);
        }

        return cut;
    }

    private ValueTask<AttemptPermit> TakeAsync(PacingRateLimiter limiter, TimeSpan timeLeft, RpcCall call, CancellationToken cancellationToken)
    {
        var permit = limiter.AcquireAsync(timeLeft, cancellationToken);
        return permit.IsCompletedSuccessfully
            ? new ValueTask<AttemptPermit>(Granted(limiter, permit.Result, call))
            : WaitAsync(limiter, permit, call);
    }

    private async ValueTask<AttemptPermit> WaitAsync(PacingRateLimiter limiter, ValueTask<PermitWait> permit, RpcCall call) =>
        Granted(limiter, await permit.ConfigureAwait(false), call);

    private AttemptPermit Granted(PacingRateLimiter limiter, PermitWait permit, RpcCall call)
    {
        if (permit is { Granted: true, Wait: var wait } && wait > TimeSpan.Zero)
        {
            call.Waited(wait);
            EcsTelemetry.TagPermitWait(call.Activity, call.PermitWait);
        }

        _telemetry.RecordPermitWait(call.Operation, permit.Granted ? permit.Wait : TimeSpan.Zero);
        return new AttemptPermit(limiter, permit.Granted);
    }

    private PacingRateLimiter LimiterFor(string accessKeyId, Uri endpoint)
    {
        if (_last is { } last && ReferenceEquals(last.AccessKeyId, accessKeyId) && ReferenceEquals(last.Endpoint, endpoint))
        {
            return last.Limiter;
        }

        var limiter = _registry.For(accessKeyId, endpoint, _options, _time)!;
        _last = new Cached(accessKeyId, endpoint, limiter);
        return limiter;
    }

    private sealed record Cached(string AccessKeyId, Uri Endpoint, PacingRateLimiter Limiter);
}
