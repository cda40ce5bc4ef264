using System.Text.Json;
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
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDisposable? _owned;

    internal EcsSpecClient(
        Func<HttpClient> httpClient, EcsSpecClientOptions options, TimeProvider time, ILogger logger, IDisposable? owned)
    {
        _httpClient = httpClient;
        _endpoints = new EndpointResolver(options);
        _attemptTimeout = options.Timeout;
        _time = time;
        _logger = logger;
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
    /// <param name="timeProvider">The clock used for timestamps and timeouts; <see cref="TimeProvider.System"/> by default.</param>
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

        var signing = new RpcSignatureHandler(credentialsProvider ?? defaultCredentials, time) { InnerHandler = primaryHandler };
        var httpClient = new HttpClient(signing, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        return new EcsSpecClient(() => httpClient, snapshot, time, logger, httpClient);
    }

    /// <inheritdoc />
    public Task<ModifyPrepayInstanceSpecResponse> ModifyPrepayInstanceSpecAsync(
        ModifyPrepayInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        ThrowOnFailure(TryModifyPrepayInstanceSpecAsync(request, cancellationToken));

    /// <inheritdoc />
    public Task<ModifyInstanceSpecResponse> ModifyInstanceSpecAsync(
        ModifyInstanceSpecRequest request, CancellationToken cancellationToken = default) =>
        ThrowOnFailure(TryModifyInstanceSpecAsync(request, cancellationToken));

    /// <inheritdoc />
    public Task<EcsResult<ModifyPrepayInstanceSpecResponse>> TryModifyPrepayInstanceSpecAsync(
        ModifyPrepayInstanceSpecRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var endpoint = _endpoints.Resolve(request.RegionId);
        return InvokeAsync(
            request.ToRpcRequest(),
            endpoint,
            request.ClientToken,
            EcsResponseJsonContext.Default.ModifyPrepayInstanceSpecBody,
            static (body, requestId, clientToken) => string.IsNullOrEmpty(body.OrderId)
                ? null
                : new ModifyPrepayInstanceSpecResponse(body.RequestId ?? requestId, body.OrderId, clientToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<EcsResult<ModifyInstanceSpecResponse>> TryModifyInstanceSpecAsync(
        ModifyInstanceSpecRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var endpoint = _endpoints.Resolve(request.RegionId);
        return InvokeAsync(
            request.ToRpcRequest(),
            endpoint,
            request.ClientToken,
            EcsResponseJsonContext.Default.ModifyInstanceSpecBody,
            static (body, requestId, clientToken) => new ModifyInstanceSpecResponse(body.RequestId ?? requestId, clientToken),
            cancellationToken);
    }

    /// <summary>Disposes the connections of a client made by <see cref="Create(EcsSpecClientOptions)"/>; a DI client owns none.</summary>
    public void Dispose() => _owned?.Dispose();

    private static async Task<T> ThrowOnFailure<T>(Task<EcsResult<T>> call)
        where T : class =>
        (await call.ConfigureAwait(false)).GetValueOrThrow();

    private async Task<EcsResult<TResponse>> InvokeAsync<TBody, TResponse>(
        UnsignedRpcRequest rpc,
        Uri endpoint,
        string? clientToken,
        JsonTypeInfo<TBody> bodyType,
        Func<TBody, string, string?, TResponse?> toResponse,
        CancellationToken cancellationToken)
        where TBody : class
        where TResponse : class, IEcsResponse
    {
        var started = _time.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Options.Set(UnsignedRpcRequest.OptionKey, rpc);

        using var attemptTimeout = new CancellationTokenSource(_attemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        RpcAnswer answer;
        try
        {
            using var response = await _httpClient()
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            answer = await ResponseReader.ReadAsync(response, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not EcsException)
        {
            var (mayHaveBeenSent, reason) = TransportFailures.Classify(exception, attemptTimeout.IsCancellationRequested);
            var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
            Log.TransportFailed(_logger, rpc.Action, elapsed, reason, mayHaveBeenSent, clientToken, exception);
            return EcsResult.Failure<TResponse>(new EcsError(
                EcsErrorKind.Transport,
                rpc.Action,
                reason,
                clientToken: clientToken,
                isRetryable: TransportFailures.IsRetryable(mayHaveBeenSent, clientToken),
                requestMayHaveBeenSent: mayHaveBeenSent,
                innerException: exception));
        }

        var sensitive = request.Options.TryGetValue(SignedAttempt.OptionKey, out var used)
            ? new SensitiveValues(used.AccessKeySecret, used.SecurityToken, used.Signature)
            : SensitiveValues.None;
        var result = Interpret(answer, rpc.Action, clientToken, sensitive, bodyType, toResponse);
        LogOutcome(result, answer, rpc.Action, clientToken, _time.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private static EcsResult<TResponse> Interpret<TBody, TResponse>(
        in RpcAnswer answer,
        string operation,
        string? clientToken,
        SensitiveValues sensitive,
        JsonTypeInfo<TBody> bodyType,
        Func<TBody, string, string?, TResponse?> toResponse)
        where TBody : class
        where TResponse : class, IEcsResponse
    {
        if ((int)answer.StatusCode is < 200 or > 299)
        {
            return EcsResult.Failure<TResponse>(EcsErrorParser.Parse(answer, operation, clientToken, sensitive.Redact));
        }

        TResponse? response = null;
        if (!answer.Truncated && !answer.Body.IsEmpty)
        {
            try
            {
                if (JsonSerializer.Deserialize(answer.Body.Span, bodyType) is { } body)
                {
                    response = toResponse(body, answer.HeaderRequestId ?? string.Empty, clientToken);
                }
            }
            catch (JsonException)
            {
                // Falls through to the unexpected-response error below.
            }
        }

        return response is not null
            ? EcsResult.Success(response)
            : EcsResult.Failure<TResponse>(EcsErrorParser.UnexpectedResponse(
                answer,
                operation,
                clientToken,
                sensitive.Redact,
                $"the success body is not a valid {operation} response document."));
    }

    private void LogOutcome<T>(EcsResult<T> result, in RpcAnswer answer, string operation, string? clientToken, double elapsedMilliseconds)
        where T : class, IEcsResponse
    {
        if (result.IsSuccess)
        {
            Log.CallSucceeded(_logger, operation, (int)answer.StatusCode, elapsedMilliseconds, result.Value.RequestId, clientToken);
        }
        else
        {
            var error = result.Error;
            Log.CallFailed(_logger, operation, (int)answer.StatusCode, error.ErrorCode, elapsedMilliseconds, error.IsRetryable, error.RequestId, clientToken);
        }
    }
}
