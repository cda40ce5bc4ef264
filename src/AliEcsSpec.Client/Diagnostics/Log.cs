using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Diagnostics;

/// <summary>
/// Every log event of the client, source-generated (no boxing, no formatting when the level is off). One line per
/// attempt outcome; messages carry identifiers (operation, attempt, status, code, RequestId, ClientToken), never
/// credentials or signatures.
/// </summary>
internal static partial class Log
{
    /// <summary>The category all client events are logged under.</summary>
    public const string Category = "AliEcsSpec.Client";

    private static readonly Func<ILogger, string, string?, IDisposable?> CallScope =
        LoggerMessage.DefineScope<string, string?>("{Operation} ClientToken: {ClientToken}");

    /// <summary>Opens the scope of one logical call, so that every line it logs carries its ClientToken.</summary>
    public static IDisposable? BeginCall(ILogger logger, string operation, string? clientToken) =>
        CallScope(logger, operation, clientToken);

    [LoggerMessage(EventId = 1, EventName = "AttemptSucceeded", Level = LogLevel.Debug,
        Message = "{Operation} attempt {Attempt} succeeded: HTTP {StatusCode} in {ElapsedMilliseconds:F1} ms (RequestId: {RequestId}, ClientToken: {ClientToken})")]
    public static partial void AttemptSucceeded(
        ILogger logger, string operation, int attempt, int statusCode, double elapsedMilliseconds, string? requestId, string? clientToken);

    /// <summary>A failed answer: logged at Information when it is retried, at Warning when the call ends with it.</summary>
    [LoggerMessage(EventId = 2, EventName = "AttemptFailed",
        Message = "{Operation} attempt {Attempt} failed: HTTP {StatusCode} {ErrorCode} in {ElapsedMilliseconds:F1} ms; {Decision} (RequestId: {RequestId}, ClientToken: {ClientToken})")]
    public static partial void AttemptFailed(
        ILogger logger, LogLevel level, string operation, int attempt, int statusCode, string? errorCode, double elapsedMilliseconds, string decision, string? requestId, string? clientToken);

    /// <summary>No answer: logged at Information when it is retried, at Warning when the call ends with it.</summary>
    [LoggerMessage(EventId = 3, EventName = "AttemptGotNoAnswer",
        Message = "{Operation} attempt {Attempt} got no answer after {ElapsedMilliseconds:F1} ms: {Reason} May have reached the service: {MayHaveBeenSent}; {Decision} (ClientToken: {ClientToken})")]
    public static partial void AttemptGotNoAnswer(
        ILogger logger, LogLevel level, string operation, int attempt, double elapsedMilliseconds, string reason, bool mayHaveBeenSent, string decision, string? clientToken, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "OnRetryFailed", Level = LogLevel.Warning,
        Message = "Retry.OnRetry threw for {Operation} attempt {Attempt}; the retry goes on (ClientToken: {ClientToken})")]
    public static partial void OnRetryFailed(ILogger logger, string operation, int attempt, string? clientToken, Exception exception);

    [LoggerMessage(EventId = 5, EventName = "RateLimitCut", Level = LogLevel.Information,
        Message = "Rate limit of {RateLimiter}: throttled at {FromRate:F1} attempts/s, now {ToRate:F1} attempts/s (the rate the service accepted)")]
    public static partial void RateLimitCut(ILogger logger, string rateLimiter, double fromRate, double toRate);

    [LoggerMessage(EventId = 10, EventName = "CredentialsRefreshFailed", Level = LogLevel.Warning,
        Message = "Refreshing credentials from {Source} failed ({ErrorType}: {ErrorMessage}); the current set stays in use until it expires at {Expiration:O}")]
    public static partial void CredentialsRefreshFailed(ILogger logger, string source, DateTimeOffset expiration, string errorType, string errorMessage);

    [LoggerMessage(EventId = 20, EventName = "ResizeStep", Level = LogLevel.Information,
        Message = "Resize {InstanceId}: {Step} {State} in {ElapsedMilliseconds:F0} ms: {Detail} (ClientToken: {ClientToken})")]
    public static partial void ResizeStep(
        ILogger logger, string instanceId, string step, string state, string detail, double elapsedMilliseconds, string? clientToken);

    [LoggerMessage(EventId = 21, EventName = "WaitPolled", Level = LogLevel.Debug,
        Message = "Waiting for {InstanceId} to become {Expected}: poll {Poll} saw {Status} {InstanceType}; next poll in {PauseSeconds:F1} s")]
    public static partial void WaitPolled(
        ILogger logger, string instanceId, string expected, int poll, string? status, string? instanceType, double pauseSeconds);

    [LoggerMessage(EventId = 22, EventName = "ReadRepeated", Level = LogLevel.Information,
        Message = "{Read} failed ({Failure}) on try {Attempt}; a read changes nothing, so it is repeated in {PauseSeconds:F1} s")]
    public static partial void ReadRepeated(ILogger logger, string read, int attempt, string failure, double pauseSeconds);
}
