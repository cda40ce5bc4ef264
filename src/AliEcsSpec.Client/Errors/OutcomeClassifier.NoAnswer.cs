using System.Globalization;

namespace AliEcsSpec.Client.Errors;

/// <summary>
/// Attempts that brought no answer: whether the request may have reached the service before the failure, the fact
/// that decides whether repeating it is safe without a ClientToken.
/// </summary>
internal static partial class OutcomeClassifier
{
    /// <summary>
    /// The error of an attempt that got no answer. It is retryable when the request cannot have reached the service,
    /// or when it carried a ClientToken (the service then answers a repeat with the first outcome instead of acting
    /// twice).
    /// </summary>
    /// <param name="exception">What sending or reading threw (anything but the caller's cancellation).</param>
    /// <param name="operation">The action.</param>
    /// <param name="clientToken">The token the call sent, if any.</param>
    /// <param name="attemptTimeout">The attempt's time-out, when that is what fired.</param>
    /// <param name="signed">False when the attempt failed before it was signed, so before anything was sent.</param>
    public static EcsError NoAnswer(
        Exception exception, string operation, string? clientToken, TimeSpan? attemptTimeout = null, bool signed = true)
    {
        var (mayHaveBeenSent, description) = DescribeNoAnswer(exception, attemptTimeout);
        if (!signed)
        {
            mayHaveBeenSent = false;
            description = "The attempt failed before the request was signed and sent: " + description;
        }

        return Transport(operation, description, mayHaveBeenSent, clientToken, exception);
    }

    /// <summary>
    /// A failure with no answer: retryable when the request cannot have reached the service, or when it carried a
    /// ClientToken.
    /// </summary>
    public static EcsError Transport(string operation, string description, bool mayHaveBeenSent, string? clientToken, Exception? exception) => new(
        EcsErrorKind.Transport,
        operation,
        description,
        clientToken: clientToken,
        retryClass: !mayHaveBeenSent || EcsErrorCatalog.IsSafeToRepeat(operation, clientToken) ? EcsRetryClass.Transient : EcsRetryClass.None,
        requestMayHaveBeenSent: mayHaveBeenSent,
        innerException: exception);

    /// <summary>The error of a retry that was due but could not start before the call's total time-out: nothing was sent.</summary>
    public static EcsError TimeUpBeforeAttempt(string operation, string? clientToken) => Transport(
        operation,
        "Retry.TotalTimeout was reached before the next attempt could start; it was not sent.",
        mayHaveBeenSent: false,
        clientToken,
        exception: null);

    private static (bool MayHaveBeenSent, string Description) DescribeNoAnswer(Exception exception, TimeSpan? attemptTimeout) => exception switch
    {
        _ when attemptTimeout is { } timeout => (true, string.Create(CultureInfo.InvariantCulture, $"The attempt timed out after {timeout.TotalSeconds:0.###} s.")),
        HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        } http => (false, $"The connection could not be established ({http.HttpRequestError})."),
        HttpRequestException http => (true, $"The connection failed while the request was in flight ({http.HttpRequestError})."),
        IOException => (true, "The connection was reset or the response was cut off."),
        // Anything else (a corrupt compressed body, a handler's own time-out or failure) still means no usable
        // answer; the request may have been delivered, so it is treated as possibly sent.
        _ => (true, $"The request failed without a usable answer ({exception.GetType().Name})."),
    };
}
