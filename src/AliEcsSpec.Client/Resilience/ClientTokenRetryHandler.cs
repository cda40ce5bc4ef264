using System.Globalization;
using System.Runtime.CompilerServices;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Signing;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AliEcsSpec.Client;

/// <summary>
/// The resilience layer of the client's <see cref="HttpClient"/>: runs each logical call through a Polly
/// <see cref="ResiliencePipeline{T}"/> (retry outside, attempt time-out inside) and decides, attempt by attempt,
/// whether a repeat is safe. It sits just outside <see cref="RpcSignatureHandler"/>, so every attempt is signed afresh
/// (new nonce, new timestamp, corrected clock) while the ClientToken the client fixed stays the same.
/// </summary>
/// <remarks>
/// Each attempt reads the whole (bounded) body inside its own time-out, because the decision needs the error code
/// in the body (a <c>Throttling</c> answer comes with 400, 403 or 429) and because a body cut off half-way is a lost
/// answer like any other. The outcome of every attempt is classified here, once, into an <see cref="EcsError"/> that
/// the client hands to the caller if it is the last.
/// </remarks>
internal sealed class ClientTokenRetryHandler : DelegatingHandler
{
    private const string ExhaustedReason = "every attempt Retry.MaxAttempts allows was made";

    private static readonly ResiliencePropertyKey<RpcCall> CallKey = new("AliEcsSpec.Client.RpcCall");

    private readonly EcsRetryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ClockOffsets _clock;
    private readonly RetryBudget _budget;
    private readonly EcsTelemetry _telemetry;
    private readonly Func<double> _jitter;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Func<ResilienceContext, RpcRequestMessage, ValueTask<Outcome<HttpResponseMessage>>> _attempt;

    /// <param name="options">The retry settings (a snapshot; later changes do not apply).</param>
    /// <param name="time">The clock of back-offs, time-outs and signing.</param>
    /// <param name="logger">Where each attempt's outcome is logged.</param>
    /// <param name="clock">The clock offsets per endpoint, shared with every call.</param>
    /// <param name="budget">The retry budget, normally <see cref="RetryBudget.Shared"/>.</param>
    /// <param name="telemetry">Where retries are counted.</param>
    /// <param name="jitter">A number in [0, 1) per back-off; <see cref="Random.Shared"/> by default.</param>
    public ClientTokenRetryHandler(
        EcsRetryOptions options,
        TimeProvider time,
        ILogger logger,
        ClockOffsets clock,
        RetryBudget budget,
        EcsTelemetry telemetry,
        Func<double>? jitter = null)
    {
        _options = options.Clone();
        _time = time;
        _logger = logger;
        _clock = clock;
        _budget = budget;
        _telemetry = telemetry;
        _jitter = jitter ?? Random.Shared.NextDouble;

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = Log.Category, TimeProvider = time };
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "ClientTokenRetry",
                MaxRetryAttempts = _options.MaxAttempts - 1,
                // The decision is made where the attempt's outcome is understood (AttemptAsync); Polly carries it out.
                ShouldHandle = static args => new ValueTask<bool>(CallOf(args.Context).RetryPlanned),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(CallOf(args.Context).NextDelay),
                OnRetry = OnRetryAsync,
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "AttemptTimeout",
            // Runs just before each attempt: its one reading of the clock also dates the attempt (for its log line)
            // and tells the attempt whether the call's total time-out is already used up.
            TimeoutGenerator = args =>
            {
                var call = CallOf(args.Context);
                var now = _time.GetTimestamp();
                call.AttemptStarted = now;
                call.TimeLeft = _options.TotalTimeout - _time.GetElapsedTime(call.Started, now);
                call.AttemptTimeout = AttemptTimeout(call.TimeLeft);
                return new ValueTask<TimeSpan>(call.AttemptTimeout);
            },
        });
        _pipeline = builder.Build();
        // One delegate for every call, with the request as its only state: Polly keeps the state in each strategy's
        // async state machine, so a one-reference state keeps those small.
        _attempt = (context, request) => AttemptAsync(request, context.CancellationToken);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var rpcRequest = RpcRequestMessage.Of(request);
        var call = rpcRequest.Call;
        call.CallerCancellation = cancellationToken;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(_attempt, context, rpcRequest).ConfigureAwait(false);
            if (call.RetryPlanned)
            {
                // The retry that was paid for did not happen (the caller cancelled before it): give its cost back, and
                // end the call as cancelled rather than with the failure the client meant to retry.
                call.RetryPlanned = false;
                RefundPlannedRetry(call);
                if (cancellationToken.IsCancellationRequested)
                {
                    outcome.Result?.Dispose();
                    throw new OperationCanceledException("The call was cancelled before its retry.", outcome.Exception, cancellationToken);
                }
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private void RefundPlannedRetry(RpcCall call)
    {
        if (call.PlannedRetryCost > 0)
        {
            _budget.Release(call.PlannedRetryCost);
            call.PlannedRetryCost = 0;
        }
    }

    private static RpcCall CallOf(ResilienceContext context) => context.Properties.GetValue(CallKey, null!);

    /// <summary>One attempt: send, read the bounded body, classify the outcome and decide whether to retry.</summary>
    /// <remarks>
    /// Pooled: an attempt that waits for the network would otherwise allocate its state machine on every call. Polly
    /// awaits the returned task once, which is all a pooled one allows.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(RpcRequestMessage request, CancellationToken attemptToken)
    {
        var call = request.Call;
        var callerToken = call.CallerCancellation;
        call.RetryPlanned = false;
        if (call.TimeLeft <= TimeSpan.Zero)
        {
            RefundPlannedRetry(call);
            // A retry was planned to start in time, but the back-off (or OnRetry) used the rest: nothing is sent.
            var expired = new EcsError(
                EcsErrorKind.Transport,
                call.Operation,
                "Retry.TotalTimeout was reached before the next attempt could start; it was not sent.",
                clientToken: call.ClientToken,
                retryClass: EcsRetryClass.Transient,
                requestMayHaveBeenSent: false)
            {
                Attempts = call.Attempts,
            };
            call.LastFailure = expired;
            return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(expired.Message, _options.TotalTimeout));
        }

        call.Attempts++;
        call.PlannedRetryCost = 0;
        var started = call.AttemptStarted;
        var endpoint = request.RequestUri!;
        request.ClockOffset = _clock.Get(endpoint, _time);
        // The signing handler records each attempt it signs; without a record, this attempt failed before sending.
        request.Signed = null;
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attemptToken).ConfigureAwait(false);
            var answer = await ResponseReader.ReadAsync(response, call.MaxResponseBodyBytes, attemptToken).ConfigureAwait(false);
            var network = response.Content;
            response.Content = new RpcAnswerContent(answer);
            network.Dispose();

            if ((int)answer.StatusCode is >= 200 and <= 299)
            {
                // The service acted. The client reads the document and logs the outcome; the budget gets its refill.
                call.LastFailure = null;
                if (_options.UseRetryBudget)
                {
                    _budget.Release(call.Attempts > 1 ? call.LastRetryCost : RetryBudget.SuccessRefill);
                }

                return Outcome.FromResult(response);
            }

            var failure = EcsErrorParser.Parse(answer, call.Operation, call.ClientToken, SignedAttempt.SecretsOf(request).Redact);
            var decision = Decide(call, failure, endpoint, response.Headers.Date, receivedAt: _time.GetUtcNow());
            var level = LevelOf(call);
            var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
            Log.AttemptFailed(
                _logger, level, call.Operation, call.Attempts, (int)answer.StatusCode, failure.ErrorCode, elapsed, decision, failure.RequestId, call.ClientToken);
            return Outcome.FromResult(response);
        }
        catch (Exception exception) when (!callerToken.IsCancellationRequested && exception is not EcsException)
        {
            response?.Dispose();
            TimeSpan? timedOut = exception is OperationCanceledException && attemptToken.IsCancellationRequested ? call.AttemptTimeout : null;
            var failure = TransportFailures.ToError(
                exception, call.Operation, call.ClientToken, timedOut, signed: request.Signed is not null);
            var decision = Decide(call, failure, endpoint, serverDate: null, receivedAt: default);
            var level = LevelOf(call);
            var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
            Log.AttemptGotNoAnswer(
                _logger, level, call.Operation, call.Attempts, elapsed, failure.Message, failure.RequestMayHaveBeenSent, decision, call.ClientToken, exception);
            return Outcome.FromException<HttpResponseMessage>(
                timedOut is { } timeout ? new TimeoutRejectedException(failure.Message, timeout, exception) : exception);
        }
    }

    /// <summary>
    /// Decides whether the failed attempt is retried, records the decision on the call (and on the failure, which the
    /// client returns if it is the last) and returns it in words for the log line.
    /// </summary>
    private string Decide(RpcCall call, EcsError failure, Uri endpoint, DateTimeOffset? serverDate, DateTimeOffset receivedAt)
    {
        failure.Attempts = call.Attempts;
        call.LastFailure = failure;
        var (reason, delay, cost) = Plan(call, failure, endpoint, serverDate, receivedAt);
        if (reason is null && _options.UseRetryBudget)
        {
            if (_budget.TryAcquire(cost))
            {
                call.PlannedRetryCost = call.LastRetryCost = cost;
            }
            else
            {
                reason = "the process-wide retry budget is spent (many calls are failing; it refills as calls succeed)";
            }
        }

        if (reason is not null)
        {
            // Worth telling the caller only when it is not obvious from the error itself or from Attempts.
            if (reason != ExhaustedReason && (failure.RetryClass != EcsRetryClass.None || failure.Kind == EcsErrorKind.Transport))
            {
                failure.NotRetriedBecause = reason;
            }

            return "not retried: " + reason;
        }

        call.RetryPlanned = true;
        call.NextDelay = delay;
        return string.Create(CultureInfo.InvariantCulture, $"retrying in {delay.TotalMilliseconds:F0} ms");
    }

    /// <summary>Why the attempt must not be retried (null when it may be), the back-off, and what the retry costs.</summary>
    private (string? Reason, TimeSpan Delay, int Cost) Plan(
        RpcCall call, EcsError failure, Uri endpoint, DateTimeOffset? serverDate, DateTimeOffset receivedAt)
    {
        TimeSpan delay;
        var cost = RetryBudget.RetryCost;
        switch (failure.RetryClass)
        {
            case EcsRetryClass.None when failure.Kind == EcsErrorKind.Transport:
                return ("the request may have reached the service and carries no ClientToken (AutoClientToken is off), so repeating it could apply the change twice", default, 0);
            case EcsRetryClass.None:
                return ("the error is not retryable", default, 0);
            case EcsRetryClass.ResignWithServerClock:
                if (call.ClockRetries++ > 0)
                {
                    return ("the timestamp was rejected again after the clock was corrected once", default, 0);
                }

                if (serverDate is not { } date)
                {
                    return ("the answer has no Date header to correct the clock from", default, 0);
                }

                _clock.Learn(endpoint, date, receivedAt);
                delay = TimeSpan.Zero;
                break;
            case EcsRetryClass.ResignOnce:
                if (!failure.IsRetryable)
                {
                    return ("a request with this very nonce reached the service before and may have acted, and the call carries no ClientToken (AutoClientToken is off)", default, 0);
                }

                if (call.NonceRetries++ > 0)
                {
                    return ("the signature was refused again after one re-signed retry", default, 0);
                }

                delay = TimeSpan.Zero;
                break;
            case EcsRetryClass.Throttled:
                delay = Backoff(_options.ThrottlingBaseDelay, call.Attempts);
                break;
            default:
                if (!failure.IsRetryable)
                {
                    return ("the service may have begun the change before it failed, and the call carries no ClientToken (AutoClientToken is off)", default, 0);
                }

                delay = Backoff(_options.BaseDelay, call.Attempts);
                cost = failure.Kind == EcsErrorKind.Transport ? RetryBudget.TimeoutRetryCost : RetryBudget.RetryCost;
                break;
        }

        if (call.Attempts >= _options.MaxAttempts)
        {
            return (ExhaustedReason, delay, cost);
        }

        if (_time.GetElapsedTime(call.Started) + delay >= _options.TotalTimeout)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"the next attempt would start after Retry.TotalTimeout ({_options.TotalTimeout})"), delay, cost);
        }

        return (null, delay, cost);
    }

    /// <summary>Exponential back-off from <paramref name="baseDelay"/>, capped, jittered between half and all of it.</summary>
    private TimeSpan Backoff(TimeSpan baseDelay, int failedAttempt)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, failedAttempt - 1);
        var capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * _jitter())));
    }

    /// <summary>The attempt's time-out: the configured one, cut short where the call's total time-out ends.</summary>
    private TimeSpan AttemptTimeout(TimeSpan left) =>
        left < _options.AttemptTimeout
            ? (left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1))
            : _options.AttemptTimeout;

    /// <summary>A failure the call recovers from is news; one it ends with is a warning.</summary>
    private static LogLevel LevelOf(RpcCall call) => call.RetryPlanned ? LogLevel.Information : LogLevel.Warning;

    private async ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var call = CallOf(args.Context);
        var retry = new EcsRetryEvent(call.Attempts, args.RetryDelay, call.LastFailure!, args.Context.CancellationToken);
        _telemetry.RecordRetry(call.Activity, retry);
        if (_options.OnRetry is { } onRetry)
        {
            try
            {
                await onRetry(retry).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The callback only observes; whatever it throws must not change the call's outcome.
            catch (Exception exception) when (exception is not OperationCanceledException || !args.Context.CancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                Log.OnRetryFailed(_logger, call.Operation, call.Attempts, call.ClientToken, exception);
            }
        }
    }
}
