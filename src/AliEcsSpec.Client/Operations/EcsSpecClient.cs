using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Signing;
using Microsoft.Extensions.Logging;
using AliEcsSpec.Client.Errors;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Transport;

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
    private volatile bool _disposed;

    internal EcsSpecClient(
        Func<HttpClient> httpClient, EcsSpecClientOptions options, TimeProvider time, ILogger logger, EcsTelemetry telemetry, IDisposable? owned)
    {
        _httpClient = httpClient;
        _endpoints = new EndpointResolver(options.Endpoint, options.RegionId, options.UseVpcEndpoint);
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
        new EcsSpecClientBuilder(options).Build();

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
        ICredentialsProvider? credentialsProvider = null)
    {
        ArgumentNullException.ThrowIfNull(primaryHandler);
        return new EcsSpecClientBuilder(options)
        {
            PrimaryHandler = primaryHandler,
            TimeProvider = timeProvider,
            LoggerFactory = loggerFactory,
            CredentialsProvider = credentialsProvider,
        }.Build();
    }

    /// <inheritdoc />
    public Task<ModifyPrepayInstanceSpecResponse> ModifyPrepayInstanceSpecAsync(
        ModifyPrepayInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        ValueOrThrowAsync(TryModifyPrepayInstanceSpecAsync(request, cancellationToken));

    /// <inheritdoc />
    public Task<ModifyInstanceSpecResponse> ModifyInstanceSpecAsync(
        ModifyInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        ValueOrThrowAsync(TryModifyInstanceSpecAsync(request, cancellationToken));

    /// <inheritdoc />
    public Task<EcsResult<ModifyPrepayInstanceSpecResponse>> TryModifyPrepayInstanceSpecAsync(
        ModifyPrepayInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync(ModifyPrepayInstanceSpecOperation.Instance, request, cancellationToken);

    /// <inheritdoc />
    public Task<EcsResult<ModifyInstanceSpecResponse>> TryModifyInstanceSpecAsync(
        ModifyInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync(ModifyInstanceSpecOperation.Instance, request, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeInstancesResponse> DescribeInstancesAsync(
        DescribeInstancesRequest request, CancellationToken cancellationToken = default) =>
        ValueOrThrowAsync(TryDescribeInstancesAsync(request, cancellationToken));

    /// <inheritdoc />
    public Task<EcsResult<DescribeInstancesResponse>> TryDescribeInstancesAsync(
        DescribeInstancesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync(DescribeInstancesOperation.Instance, request, cancellationToken);

    /// <inheritdoc />
    public Task<StopInstanceResponse> StopInstanceAsync(
        StopInstanceRequest request, CancellationToken cancellationToken = default) =>
        ValueOrThrowAsync(TryStopInstanceAsync(request, cancellationToken));

    /// <inheritdoc />
    public Task<EcsResult<StopInstanceResponse>> TryStopInstanceAsync(
        StopInstanceRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync(StopInstanceOperation.Instance, request, cancellationToken);

    /// <inheritdoc />
    public Task<StartInstanceResponse> StartInstanceAsync(
        StartInstanceRequest request, CancellationToken cancellationToken = default) =>
        ValueOrThrowAsync(TryStartInstanceAsync(request, cancellationToken));

    /// <inheritdoc />
    public Task<EcsResult<StartInstanceResponse>> TryStartInstanceAsync(
        StartInstanceRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync(StartInstanceOperation.Instance, request, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeResourcesModificationResponse> DescribeResourcesModificationAsync(
        DescribeResourcesModificationRequest request, CancellationToken cancellationToken = default) =>
        ValueOrThrowAsync(TryDescribeResourcesModificationAsync(request, cancellationToken));

    /// <inheritdoc />
    public Task<EcsResult<DescribeResourcesModificationResponse>> TryDescribeResourcesModificationAsync(
        DescribeResourcesModificationRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync(DescribeResourcesModificationOperation.Instance, request, cancellationToken);

    /// <summary>
    /// Disposes the connections of a client made by <see cref="Create(EcsSpecClientOptions)"/> (a DI client owns none);
    /// from then on every method throws <see cref="ObjectDisposedException"/> and sends nothing.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _owned?.Dispose();
    }

    private static async Task<TResponse> ValueOrThrowAsync<TResponse>(Task<EcsResult<TResponse>> call)
        where TResponse : class =>
        (await call.ConfigureAwait(false)).GetValueOrThrow();

    /// <summary>
    /// The one way every operation is called. Whatever is wrong with the request throws here, synchronously, before
    /// anything is sent; the rest happens once per logical call, around the retry handler's attempts.
    /// </summary>
    private Task<EcsResult<TResponse>> InvokeAsync<TRequest, TResponse, TDocument>(
        EcsOperation<TRequest, TResponse, TDocument> operation, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class, IEcsResponse
        where TDocument : class
    {
        // Before anything else: a disposed client's HttpClient would fail as if the request might have been sent.
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(request);
        operation.Validate(request);
        var endpoint = _endpoints.Resolve(operation.RegionIdOf(request));
        var clientToken = operation.SendsClientToken ? FixClientToken(operation.ClientTokenOf(request)) : null;
        var rpc = new UnsignedRpcRequest(operation.Action, EcsApi.Version, operation.ToWire(request, clientToken));
        return SendAsync<TResponse>(rpc, endpoint, clientToken, operation.ReaderFor(request), cancellationToken);
    }

    /// <summary>
    /// The token every attempt of this call will send, fixed before the first: the caller's, or a new GUID when
    /// <see cref="EcsSpecClientOptions.AutoClientToken"/> is on. A repeat with it is answered with the first outcome
    /// instead of a second change, which is what makes retrying a lost answer safe.
    /// </summary>
    /// <remarks>
    /// From the kernel's generator, a system call per call, not from the thread's seeded one the nonce uses: two copies
    /// of a process restored from one snapshot replay a seeded generator, and a repeated token would get the second
    /// copy's change answered with the first one's outcome instead of being made (docs/performance.md measures the cost).
    /// </remarks>
    private string? FixClientToken(string? given) =>
        given ?? (_autoClientToken ? Guid.NewGuid().ToString("D") : null);

    private async Task<EcsResult<TResponse>> SendAsync<TResponse>(
        UnsignedRpcRequest rpc, Uri endpoint, string? clientToken, IResponseReader reader, CancellationToken cancellationToken)
        where TResponse : class, IEcsResponse
    {
        var started = _time.GetTimestamp();
        using var activity = EcsTelemetry.StartCall(rpc.Action, endpoint, clientToken);
        using var scope = Log.BeginCall(_logger, rpc.Action, clientToken);
        var call = new RpcCall(rpc.Action, clientToken, reader, _maxResponseBodyBytes, activity, started);
        using var request = new RpcCallRequest(endpoint, rpc, call);
        try
        {
            // The retry handler has read and classified the answer; only its outcome matters here.
            using var response = await _httpClient()
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's cancellation ends the call as cancelled, whatever the send was doing when it came.
            Complete(call, "canceled", failure: null, requestId: null);
            throw exception as OperationCanceledException
                ?? new OperationCanceledException("The call was cancelled.", exception, cancellationToken);
        }
        catch (EcsCredentialsException exception)
        {
            Complete(call, "credentials", failure: null, requestId: null);
            throw exception.ForCall(call.Operation, clientToken);
        }
        catch (Exception exception) when (exception is not EcsException)
        {
            // A last attempt that got no answer was classified by the retry handler when it decided not to repeat it;
            // anything else failed outside every attempt (in a handler the application added around the client's, say).
            if (call.Outcome?.Error is not { Kind: EcsErrorKind.Transport })
            {
                return Fail<TResponse>(call, OutcomeClassifier.NoAnswer(exception, call.Operation, clientToken).AfterAttempts(Math.Max(call.Attempts, 1), null));
            }
        }

        return call.Outcome switch
        {
            null => throw new InvalidOperationException(
                "The ECS client's HttpClient has no ClientTokenRetryHandler: build the client with EcsSpecClient.Create or AddEcsSpecClient."),
            { Error: { } error } => Fail<TResponse>(call, error),
            { Response: var response } => Succeed(call, (TResponse)response!),
        };
    }

    private EcsResult<TResponse> Succeed<TResponse>(RpcCall call, TResponse response)
        where TResponse : class, IEcsResponse
    {
        Complete(call, errorType: null, failure: null, response.RequestId);
        return EcsResult.Success(response);
    }

    private EcsResult<TResponse> Fail<TResponse>(RpcCall call, EcsError error)
        where TResponse : class
    {
        Complete(call, EcsTelemetry.ErrorType(error), error, error.RequestId);
        return EcsResult.Failure<TResponse>(error);
    }

    private void Complete(RpcCall call, string? errorType, EcsError? failure, string? requestId) =>
        _telemetry.CompleteCall(
            call.Activity,
            call.Operation,
            errorType,
            failure,
            requestId,
            call.Attempts,
            // The clock is read only when the duration metric is listened to.
            _telemetry.MeasuresDuration ? _time.GetElapsedTime(call.Started) : TimeSpan.Zero);
}
