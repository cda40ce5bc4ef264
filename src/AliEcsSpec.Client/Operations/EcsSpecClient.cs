using System.Diagnostics.Metrics;
using System.Text.Json.Serialization.Metadata;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliEcsSpec.Client;

/// <summary>
/// The ECS client. With dependency injection, register it with <c>services.AddEcsSpecClient(…)</c> and inject
/// <see cref="IEcsSpecClient"/>; without it, call <see cref="Create(EcsSpecClientOptions)"/> and dispose the client
/// when done. Thread-safe: share one instance.
/// </summary>
public sealed class EcsSpecClient : IEcsSpecClient, IDisposable
{
    private readonly Func<HttpClient> _httpClient;
    private readonly EndpointResolver _endpoints;
    private readonly bool _autoClientToken;
    private readonly int _maxResponseBodyBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EcsTelemetry _telemetry;
    private readonly IDisposable? _owned;

    internal EcsSpecClient(
        Func<HttpClient> httpClient,
        EcsSpecClientOptions options,
        TimeProvider time,
        ILogger logger,
        EcsTelemetry telemetry,
        IDisposable? owned)
    {
        _httpClient = httpClient;
        _endpoints = new EndpointResolver(options);
        _autoClientToken = options.AutoClientToken;
        _maxResponseBodyBytes = options.MaxResponseBodyBytes;
        _time = time;
        _logger = logger;
        _telemetry = telemetry;
        _owned = owned;
    }

    /// <summary>Creates a client that owns its connections, for applications that do not use dependency injection.</summary>
    /// <param name="options">The settings; copied, so later changes do not affect the client.</param>
    /// <returns>A client; dispose it to close its connections.</returns>
    /// <exception cref="ArgumentException">The options break a rule; the message lists each one.</exception>
    public static EcsSpecClient Create(EcsSpecClientOptions options) =>
        Create(options, PrimaryHandler.Create());

    /// <summary>
    /// Creates a client over a given primary handler (for example a test double or a handler with a proxy), with an
    /// optional clock and logger factory.
    /// </summary>
    /// <param name="options">The settings; copied, so later changes do not affect the client.</param>
    /// <param name="primaryHandler">The innermost handler, which sends the signed requests. Disposed with the client.</param>
    /// <param name="timeProvider">The clock used for timestamps, back-offs and timeouts; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Where the client logs; nowhere by default.</param>
    /// <param name="credentialsProvider">Supplies credentials; by default the options' AccessKey, then the default chain (see README).</param>
    /// <returns>A client; dispose it to close its connections.</returns>
    /// <exception cref="ArgumentException">The options break a rule; the message lists each one.</exception>
    public static EcsSpecClient Create(
        EcsSpecClientOptions options,
        HttpMessageHandler primaryHandler,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        ICredentialsProvider? credentialsProvider = null) =>
        Create(options, primaryHandler, timeProvider, loggerFactory, credentialsProvider, RetryBudget.Shared);

    /// <summary>The full form, for tests: a retry budget of their own, a fixed jitter and a meter factory to observe.</summary>
    internal static EcsSpecClient Create(
        EcsSpecClientOptions options,
        HttpMessageHandler primaryHandler,
        TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory,
        ICredentialsProvider? credentialsProvider,
        RetryBudget budget,
        Func<double>? jitter = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(primaryHandler);
        var snapshot = options.Clone();
        var time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(Log.Category);
        var defaultCredentials = new DefaultCredentialsProvider(
            () => snapshot.ConfiguredKeys,
            new CredentialsContext(ProcessEnvironmentVariables.Instance, time, logger));
        var validator = new EcsSpecClientOptionsValidator(credentialsProvider is null ? o => defaultCredentials.Explain(o.ConfiguredKeys) : null);
        validator.ThrowIfInvalid(snapshot, nameof(options));

        var telemetry = new EcsTelemetry(meterFactory);
        var signing = new RpcSignatureHandler(credentialsProvider ?? defaultCredentials, time) { InnerHandler = primaryHandler };
        var retries = new ClientTokenRetryHandler(snapshot.Retry, time, logger, new ClockOffsets(), budget, telemetry, jitter) { InnerHandler = signing };
        var httpClient = new HttpClient(retries, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        return new EcsSpecClient(() => httpClient, snapshot, time, logger, telemetry, new Owned(httpClient, telemetry));
    }

    /// <inheritdoc />
    public Task<ModifyPrepayInstanceSpecResponse> ModifyPrepayInstanceSpecAsync(
        ModifyPrepayInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        PrepayAsync<ModifyPrepayInstanceSpecResponse, ThrowingOutcome<ModifyPrepayInstanceSpecResponse>>(request, cancellationToken);

    /// <inheritdoc />
    public Task<ModifyInstanceSpecResponse> ModifyInstanceSpecAsync(
        ModifyInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        SpecAsync<ModifyInstanceSpecResponse, ThrowingOutcome<ModifyInstanceSpecResponse>>(request, cancellationToken);

    /// <inheritdoc />
    public Task<EcsResult<ModifyPrepayInstanceSpecResponse>> TryModifyPrepayInstanceSpecAsync(
        ModifyPrepayInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        PrepayAsync<EcsResult<ModifyPrepayInstanceSpecResponse>, ResultOutcome<ModifyPrepayInstanceSpecResponse>>(request, cancellationToken);

    /// <inheritdoc />
    public Task<EcsResult<ModifyInstanceSpecResponse>> TryModifyInstanceSpecAsync(
        ModifyInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        SpecAsync<EcsResult<ModifyInstanceSpecResponse>, ResultOutcome<ModifyInstanceSpecResponse>>(request, cancellationToken);

    /// <summary>Disposes the connections of a client made by <see cref="Create(EcsSpecClientOptions)"/>; a DI client owns none.</summary>
    public void Dispose() => _owned?.Dispose();

    /// <summary>Validates the request (throwing before anything is sent), then calls; <typeparamref name="TShape"/> shapes the outcome.</summary>
    private Task<TOutcome> PrepayAsync<TOutcome, TShape>(ModifyPrepayInstanceSpecRequest request, CancellationToken cancellationToken)
        where TShape : ICallOutcome<ModifyPrepayInstanceSpecResponse, TOutcome>
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var endpoint = _endpoints.Resolve(request.RegionId);
        var clientToken = FixClientToken(request.ClientToken);
        return InvokeAsync<ModifyPrepayInstanceSpecBody, ModifyPrepayInstanceSpecResponse, TOutcome, TShape>(
            request.ToRpcRequest(clientToken),
            endpoint,
            clientToken,
            EcsResponseJsonContext.Default.ModifyPrepayInstanceSpecBody,
            static (body, requestId, clientToken) => string.IsNullOrEmpty(body.OrderId)
                ? null
                : new ModifyPrepayInstanceSpecResponse(requestId, body.OrderId, clientToken),
            cancellationToken);
    }

    /// <inheritdoc cref="PrepayAsync{TOutcome, TShape}"/>
    private Task<TOutcome> SpecAsync<TOutcome, TShape>(ModifyInstanceSpecRequest request, CancellationToken cancellationToken)
        where TShape : ICallOutcome<ModifyInstanceSpecResponse, TOutcome>
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var endpoint = _endpoints.Resolve(request.RegionId);
        var clientToken = FixClientToken(request.ClientToken);
        return InvokeAsync<ModifyInstanceSpecBody, ModifyInstanceSpecResponse, TOutcome, TShape>(
            request.ToRpcRequest(clientToken),
            endpoint,
            clientToken,
            EcsResponseJsonContext.Default.ModifyInstanceSpecBody,
            static (body, requestId, clientToken) => new ModifyInstanceSpecResponse(requestId, clientToken),
            cancellationToken,
            request.DryRun == true ? ModifyInstanceSpecResponse.FromPassedDryRun : null);
    }

    /// <summary>
    /// The token every attempt of this call will send, fixed before the first: the caller's, or a new GUID when
    /// <see cref="EcsSpecClientOptions.AutoClientToken"/> is on. A repeat with it is answered with the first outcome
    /// instead of a second change, which is what makes retrying a lost answer safe.
    /// </summary>
    private string? FixClientToken(string? given) =>
        given ?? (_autoClientToken ? Guid.NewGuid().ToString("D") : null);

    private async Task<TOutcome> InvokeAsync<TBody, TResponse, TOutcome, TShape>(
        UnsignedRpcRequest rpc,
        Uri endpoint,
        string? clientToken,
        JsonTypeInfo<TBody> bodyType,
        Func<TBody, string, string?, TResponse?> toResponse,
        CancellationToken cancellationToken,
        Func<EcsError, TResponse?>? successFromError = null)
        where TBody : class, IEcsResponseBody
        where TResponse : class, IEcsResponse
        where TShape : ICallOutcome<TResponse, TOutcome>
    {
        var started = _time.GetTimestamp();
        using var activity = EcsTelemetry.StartCall(rpc.Action, endpoint, clientToken);
        using var scope = Log.BeginCall(_logger, rpc.Action, clientToken);
        var call = new RpcCall(rpc.Action, clientToken, activity, started) { MaxResponseBodyBytes = _maxResponseBodyBytes };
        using var request = new RpcRequestMessage(endpoint, rpc, call);

        RpcAnswer answer;
        try
        {
            using var response = await _httpClient()
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            answer = await ResponseReader.ReadAsync(response, call.MaxResponseBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's cancellation ends the call as cancelled, whatever the send was doing when it came.
            _telemetry.CompleteCall(call.Activity, call.Operation, "canceled", null, null, call.Attempts, CallDuration(started));
            if (exception is OperationCanceledException)
            {
                throw;
            }

            throw new OperationCanceledException("The call was cancelled.", exception, cancellationToken);
        }
        catch (EcsCredentialsException exception)
        {
            _telemetry.CompleteCall(call.Activity, call.Operation, "credentials", null, null, call.Attempts, CallDuration(started));
            throw exception.ForCall(call.Operation, clientToken);
        }
        catch (Exception exception) when (exception is not EcsException)
        {
            var failure = call.LastFailure is { Kind: EcsErrorKind.Transport } lost ? lost
                // A failure outside any attempt (a handler the application added around the client's own, say).
                : TransportFailures.ToError(exception, rpc.Action, clientToken);
            return TShape.From(Complete(call, EcsResult.Failure<TResponse>(failure), started));
        }

        if (call.Attempts == 0)
        {
            throw MissingRetryHandler();
        }

        if ((int)answer.StatusCode is < 200 or > 299)
        {
            // The retry handler classified (and logged) the answer when it decided not to repeat it.
            var failure = call.LastFailure!;
            return TShape.From(Complete(
                call,
                successFromError?.Invoke(failure) is { } success ? EcsResult.Success(success) : EcsResult.Failure<TResponse>(failure),
                started));
        }

        var result = SuccessDocument.Read(answer, rpc.Action, clientToken, request, bodyType, toResponse);
        LogAnswered(call, (int)answer.StatusCode, result);
        return TShape.From(Complete(call, result, started));
    }

    private EcsResult<TResponse> Complete<TResponse>(RpcCall call, EcsResult<TResponse> result, long started)
        where TResponse : class, IEcsResponse
    {
        if (!result.IsSuccess)
        {
            result.Error.Attempts = Math.Max(call.Attempts, 1);
        }

        _telemetry.CompleteCall(
            call.Activity,
            call.Operation,
            result.IsSuccess ? null : EcsTelemetry.ErrorType(result.Error),
            result.IsSuccess ? null : result.Error,
            result.IsSuccess ? result.Value.RequestId : result.Error.RequestId,
            call.Attempts,
            CallDuration(started));
        return result;
    }

    /// <summary>How long the call took, for the duration metric; the clock is read only when the metric is listened to.</summary>
    private TimeSpan CallDuration(long started) => _telemetry.MeasuresDuration ? _time.GetElapsedTime(started) : TimeSpan.Zero;

    /// <summary>The log line of a last attempt the service answered with success (its failures are logged as they happen).</summary>
    private void LogAnswered<TResponse>(RpcCall call, int statusCode, EcsResult<TResponse> result)
        where TResponse : class, IEcsResponse
    {
        // The clock is read only for a line that will be written.
        if (result.IsSuccess)
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = _time.GetElapsedTime(call.AttemptStarted).TotalMilliseconds;
                Log.AttemptSucceeded(_logger, call.Operation, call.Attempts, statusCode, elapsed, result.Value.RequestId, call.ClientToken);
            }
        }
        else if (_logger.IsEnabled(LogLevel.Warning))
        {
            Log.AttemptFailed(
                _logger, LogLevel.Warning, call.Operation, call.Attempts, statusCode, null, _time.GetElapsedTime(call.AttemptStarted).TotalMilliseconds,
                "not retried: the service reported success, so it may have acted", result.Error.RequestId, call.ClientToken);
        }
    }

    private static InvalidOperationException MissingRetryHandler() => new(
        "The ECS client's HttpClient has no ClientTokenRetryHandler: build the client with EcsSpecClient.Create or AddEcsSpecClient.");

    /// <summary>What a client made by <see cref="Create(EcsSpecClientOptions)"/> owns.</summary>
    private sealed class Owned(HttpClient httpClient, EcsTelemetry telemetry) : IDisposable
    {
        public void Dispose()
        {
            httpClient.Dispose();
            telemetry.Dispose();
        }
    }
}
