using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Diagnostics;

/// <summary>
/// Every log event of the client, source-generated (no boxing, no formatting when the level is off). Messages carry
/// identifiers (operation, status, code, RequestId, ClientToken), never credentials or signatures.
/// </summary>
internal static partial class Log
{
    /// <summary>The category all client events are logged under.</summary>
    public const string Category = "AliEcsSpec.Client";

    [LoggerMessage(EventId = 1, EventName = "CallSucceeded", Level = LogLevel.Debug,
        Message = "{Operation} succeeded: HTTP {StatusCode} in {ElapsedMilliseconds:F1} ms (RequestId: {RequestId}, ClientToken: {ClientToken})")]
    public static partial void CallSucceeded(
        ILogger logger, string operation, int statusCode, double elapsedMilliseconds, string requestId, string? clientToken);

    [LoggerMessage(EventId = 2, EventName = "CallFailed", Level = LogLevel.Warning,
        Message = "{Operation} failed: HTTP {StatusCode} {ErrorCode} in {ElapsedMilliseconds:F1} ms, retryable: {IsRetryable} (RequestId: {RequestId}, ClientToken: {ClientToken})")]
    public static partial void CallFailed(
        ILogger logger, string operation, int statusCode, string? errorCode, double elapsedMilliseconds, bool isRetryable, string? requestId, string? clientToken);

    [LoggerMessage(EventId = 3, EventName = "TransportFailed", Level = LogLevel.Warning,
        Message = "{Operation} got no answer after {ElapsedMilliseconds:F1} ms: {Reason} May have reached the service: {MayHaveBeenSent} (ClientToken: {ClientToken})")]
    public static partial void TransportFailed(
        ILogger logger, string operation, double elapsedMilliseconds, string reason, bool mayHaveBeenSent, string? clientToken, Exception exception);

    [LoggerMessage(EventId = 10, EventName = "CredentialsRefreshFailed", Level = LogLevel.Warning,
        Message = "Refreshing credentials from {Source} failed ({ErrorType}: {ErrorMessage}); the current set stays in use until it expires at {Expiration:O}")]
    public static partial void CredentialsRefreshFailed(ILogger logger, string source, DateTimeOffset expiration, string errorType, string errorMessage);
}
