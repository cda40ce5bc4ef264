using System.Net.Http.Headers;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Signing;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using AliEcsSpec.Client.Errors;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Client.Transport;

namespace AliEcsSpec.Client.Resilience;

/// <summary>
/// The resilience layer of the client's <see cref="HttpClient"/>: runs each logical call through a Polly
/// <see cref="ResiliencePipeline{T}"/> (retry outside, the rate-limit permit, attempt time-out inside). It sits just outside
/// <see cref="RpcSignatureHandler"/>, so every attempt is signed afresh (new nonce, new timestamp, corrected clock)
/// while the ClientToken the client fixed stays the same.
/// </summary>
/// <remarks>
/// Each attempt reads the whole (bounded) body inside its own time-out, because the decision needs the error code
/// in the body (a <c>Throttling</c> answer comes with 400, 403 or 429) and because a body cut off half-way is a lost
/// answer like any other. The attempt's outcome is then classified once (<see cref="OutcomeClassifier"/>), decided
/// once (<see cref="RetryDecider"/>) and settled once (<see cref="Settle"/>): the call's state, the retry budget and
/// the log line all change there and nowhere else. Polly only carries the decision out.
/// </remarks>
internal sealed class ClientTokenRetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<RpcCall> CallKey = new("AliEcsSpec.Client.RpcCall");

    private readonly EcsRetryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ClockOffsets _clock;
    private readonly RetryBudget _budget;
    private readonly EcsTelemetry _telemetry;
    private readonly Func<double> _jitter;
    private readonly AttemptPacer _pacer;
    private readonly ResiliencePipeline<HttpResponseMessage> _retries;
    private readonly ResiliencePipeline<HttpResponseMessage> _attempt;

    /// <param name="options">The retry settings (a snapshot; later changes do not apply).</param>
    /// <param name="time">The clock of back-offs, time-outs and signing.</param>
    /// <param name="logger">Where each attempt's outcome is logged.</param>
    /// <param name="clock">The clock offsets per endpoint, shared with every call.</param>
    /// <param name="budget">The retry budget, normally <see cref="RetryBudget.Shared"/>.</param>
    /// <param name="telemetry">Where retries are counted.</param>
    /// <param name="jitter">A number in [0, 1) per back-off.</param>
    /// <param name="pacer">Takes each attempt's rate-limit permit.</param>
    public ClientTokenRetryHandler(
        EcsRetryOptions options, TimeProvider time, ILogger logger, ClockOffsets clock, RetryBudget budget, EcsTelemetry telemetry, Func<double> jitter, AttemptPacer pacer)
    {
        _options = options.Clone();
        _time = time;
        _logger = logger;
        _clock = clock;
        _budget = budget;
        _telemetry = telemetry;
        _jitter = jitter;
        _pacer = pacer;

        // Two pipelines, so that the rate-limit permit is taken between them: inside the retry loop (every attempt
        // waits for one) and outside the attempt time-out (the wait is not the attempt's).
        var retries = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = Log.Category, TimeProvider = time };
        if (_options.MaxAttempts > 1)
        {
            retries.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "ClientTokenRetry",
                // The decider counts attempts; paced retries after throttling do not count against MaxAttempts.
                MaxRetryAttempts = _options.MaxAttempts - 1 + (pacer.Paces ? RetryDecider.MaxPacedRetries : 0),
                ShouldHandle = static args => new ValueTask<bool>(CallOf(args.Context).RetryPending),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(CallOf(args.Context).Decision?.Delay),
                OnRetry = OnRetryAsync,
            });
        }

        _retries = retries.Build();
        _attempt = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = Log.Category, TimeProvider = time }
            .AddTimeout(new TimeoutStrategyOptions
            {
                Name = "AttemptTimeout",
                TimeoutGenerator = args => new ValueTask<TimeSpan>(AttemptTimeout(CallOf(args.Context), _time.GetTimestamp())),
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var rpc = RpcCallRequest.Of(request);
        var call = rpc.Call;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            var outcome = await _retries.ExecuteOutcomeAsync(
                static (context, state) => state.Handler.PacedAttemptAsync(state.Request, context, state.CallerToken),
                context,
                (Handler: this, Request: rpc, CallerToken: cancellationToken)).ConfigureAwait(false);
            if (call.RetryPending)
            {
                // The retry that was paid for did not happen (the caller cancelled before it): give its cost back, and
                // end the call as cancelled rather than with the failure the client meant to retry.
                Refund(call.Decision!.Value.Cost);
                call.AbandonRetry();
                outcome.Result?.Dispose();
                throw new OperationCanceledException("The call was cancelled before its retry.", outcome.Exception, cancellationToken);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static RpcCall CallOf(ResilienceContext context) => context.Properties.GetValue(CallKey, null!);

    /// <summary>
    /// Waits for the attempt's rate-limit permit within the call's time left, then makes the attempt under its own
    /// time-out. When the time is up, or the permit would come after it, nothing is sent.
    /// </summary>
    private ValueTask<Outcome<HttpResponseMessage>> PacedAttemptAsync(RpcCallRequest request, ResilienceContext context, CancellationToken callerToken)
    {
        var timeLeft = _options.TotalTimeout - _time.GetElapsedTime(request.Call.Started);
        if (timeLeft <= TimeSpan.Zero)
        {
            // A retry was planned to start in time, but the back-off (or OnRetry) used the rest.
            return new(TimeUp(request.Call));
        }

        // A permit is nearly always there at once; only a wait for one needs a state machine of its own.
        var permit = _pacer.TakeAsync(request.RequestUri!, timeLeft, request.Call, callerToken);
        return permit.IsCompletedSuccessfully
            ? AttemptIfInTime(request, permit.Result, context, callerToken)
            : AttemptAfterWaitAsync(request, permit, context, callerToken);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAfterWaitAsync(
        RpcCallRequest request, ValueTask<AttemptPermit> permit, ResilienceContext context, CancellationToken callerToken) =>
        await AttemptIfInTime(request, await permit.ConfigureAwait(false), context, callerToken).ConfigureAwait(false);

    private ValueTask<Outcome<HttpResponseMessage>> AttemptIfInTime(
        RpcCallRequest request, AttemptPermit permit, ResilienceContext context, CancellationToken callerToken)
    {
        if (!permit.Granted || _time.GetElapsedTime(request.Call.Started) >= _options.TotalTimeout)
        {
            return new(TimeUp(request.Call));
        }

        return _attempt.ExecuteOutcomeAsync(
            static (context, state) => state.Handler.AttemptAsync(state.Request, state.Limiter, state.CallerToken, context.CancellationToken),
            context,
            (Handler: this, Request: request, permit.Limiter, CallerToken: callerToken));
    }

    private Outcome<HttpResponseMessage> TimeUp(RpcCall call)
    {
        Refund(call.Decision?.Cost ?? 0);
        var expired = OutcomeClassifier.TimeUpBeforeAttempt(call.Operation, call.ClientToken);
        call.Record(AttemptOutcome.Failure(expired), RetryDecision.StopFor(StopReason.TotalTimeoutReached), null);
        return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(expired.Message, _options.TotalTimeout));
    }

    /// <summary>One attempt: send, read the bounded body, classify the outcome, decide, settle.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(
        RpcCallRequest request, PacingRateLimiter? limiter, CancellationToken callerToken, CancellationToken attemptToken)
    {
        var call = request.Call;
        var started = _time.GetTimestamp();
        call.BeginAttempt();
        var endpoint = request.RequestUri!;
        request.BeginAttempt();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attemptToken).ConfigureAwait(false);
            var answer = await ResponseReader.ReadAsync(response, call.MaxResponseBodyBytes, attemptToken).ConfigureAwait(false);
            ResponseReader.KeepBody(response, answer);
            var outcome = OutcomeClassifier.Classify(answer, call.Operation, call.ClientToken, call.Reader, request.Secrets);
            Settle(call, outcome, started, endpoint, limiter, (int)answer.StatusCode, response.Headers, exception: null);
            return Outcome.FromResult(response);
        }
        catch (Exception exception) when (!callerToken.IsCancellationRequested && exception is not EcsException)
        {
            response?.Dispose();
            var timedOut = exception is OperationCanceledException && attemptToken.IsCancellationRequested ? AttemptTimeout(call, started) : (TimeSpan?)null;
            var signed = request.SignedWith is not null;
            var failure = OutcomeClassifier.NoAnswer(exception, call.Operation, call.ClientToken, timedOut, signed);
            Settle(call, AttemptOutcome.Failure(failure), started, endpoint, limiter, statusCode: null, headers: null, exception);
            return Outcome.FromException<HttpResponseMessage>(
                timedOut is { } timeout ? new TimeoutRejectedException(failure.Message, timeout, exception) : exception);
        }
    }

    /// <summary>
    /// The attempt-outcome step, the one place where an attempt changes anything: the decision on a failure, the
    /// retry budget (paid for a retry, refilled by a success), the clock offset, the rate limiter, the call's state and
    /// the log line.
    /// </summary>
    private void Settle(
        RpcCall call, AttemptOutcome outcome, long started, Uri endpoint, PacingRateLimiter? limiter, int? statusCode, HttpResponseHeaders? headers, Exception? exception)
    {
        var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
        if (outcome.Error is not { } error)
        {
            limiter?.OnAccepted();
            if (_options.UseRetryBudget)
            {
                _budget.Release(call.Attempts > 1 ? call.LastRetryCost : RetryBudget.SuccessRefill);
            }

            call.Record(outcome, decision: null, notRetriedBecause: null);
            Log.AttemptSucceeded(_logger, call.Operation, call.Attempts, statusCode ?? 0, elapsed, outcome.Response!.RequestId, call.ClientToken);
            return;
        }

        // Parsed only after a failure: a success never needs the server's clock or hint.
        var serverDate = headers?.Date;
        var retryAfter = RateSignals.RetryAfter(headers, _time.GetUtcNow());
        if (AttemptPacer.Learn(limiter, error, answered: statusCode is not null, retryAfter) is { } cut)
        {
            Log.RateLimitCut(_logger, limiter!.Name, cut.From, cut.To);
        }

        var state = call.StateAfterFailure(_time.GetElapsedTime(call.Started), serverDate is not null, limiter is not null, retryAfter);
        var decision = RetryDecider.Decide(error, state, _options, _jitter());
        if (decision.Retries && _options.UseRetryBudget && !_budget.TryAcquire(decision.Cost))
        {
            decision = RetryDecision.StopFor(StopReason.RetryBudgetSpent);
        }

        if (decision is { Retries: true, Kind: RetryKind.CorrectClock })
        {
            _clock.Learn(endpoint, serverDate!.Value, _time.GetUtcNow());
        }

        var told = decision.IsWorthTelling(error) ? RetryDecision.Explain(decision.Stop!.Value, _options.TotalTimeout) : null;
        call.Record(outcome, decision, told);
        var level = decision.Retries ? LogLevel.Information : LogLevel.Warning;
        var words = decision.Describe(_options.TotalTimeout);
        if (exception is null)
        {
            Log.AttemptFailed(_logger, level, call.Operation, call.Attempts, statusCode ?? 0, error.ErrorCode, elapsed, words, error.RequestId, call.ClientToken);
        }
        else
        {
            Log.AttemptGotNoAnswer(_logger, level, call.Operation, call.Attempts, elapsed, error.Message, error.RequestMayHaveBeenSent, words, call.ClientToken, exception);
        }
    }

    private void Refund(int cost)
    {
        if (cost > 0 && _options.UseRetryBudget)
        {
            _budget.Release(cost);
        }
    }

    /// <summary>The time-out of an attempt that starts at <paramref name="now"/>: the configured one, cut short where the call's total time-out ends.</summary>
    private TimeSpan AttemptTimeout(RpcCall call, long now)
    {
        var left = _options.TotalTimeout - _time.GetElapsedTime(call.Started, now);
        return left < _options.AttemptTimeout
            ? (left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1))
            : _options.AttemptTimeout;
    }

    private async ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var call = CallOf(args.Context);
        var failure = call.Outcome!.Error!;
        _telemetry.RecordRetry(call.Activity, call.Attempts, args.RetryDelay, failure);
        if (_options.OnRetry is { } onRetry)
        {
            var retry = new EcsRetryEvent(call.Attempts, args.RetryDelay, failure, args.Context.CancellationToken);
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
