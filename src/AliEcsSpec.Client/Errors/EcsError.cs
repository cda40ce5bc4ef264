using System.Net;

namespace AliEcsSpec.Client.Errors;

/// <summary>
/// Everything known about a failed call: the same data the corresponding <see cref="EcsException"/> carries,
/// returned by the <c>Try…</c> methods instead of being thrown.
/// </summary>
public sealed class EcsError
{
    private EcsException? _exception;

    internal EcsError(
        EcsErrorKind kind,
        string operation,
        string message,
        HttpStatusCode? statusCode = null,
        string? errorCode = null,
        string? requestId = null,
        string? hostId = null,
        string? recommend = null,
        string? accessDeniedDetail = null,
        string? clientToken = null,
        EcsErrorFamily? family = null,
        EcsRetryClass retryClass = EcsRetryClass.None,
        bool requestMayHaveBeenSent = true,
        string? bodyExcerpt = null,
        Exception? innerException = null,
        string? advice = null,
        int attempts = 1,
        string? notRetriedBecause = null)
    {
        Kind = kind;
        Operation = operation;
        Message = message;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
        HostId = hostId;
        Recommend = recommend;
        AccessDeniedDetail = accessDeniedDetail;
        ClientToken = clientToken;
        Family = family;
        RetryClass = retryClass;
        RequestMayHaveBeenSent = requestMayHaveBeenSent;
        BodyExcerpt = bodyExcerpt;
        InnerException = innerException;
        Advice = advice;
        Attempts = attempts;
        NotRetriedBecause = notRetriedBecause;
    }

    /// <summary>Whether the service answered with an error, answered with something unexpected, or did not answer.</summary>
    public EcsErrorKind Kind { get; }

    /// <summary>The API action that failed, for example <c>ModifyPrepayInstanceSpec</c>.</summary>
    public string Operation { get; }

    /// <summary>
    /// The service's error message, or a description of the unexpected response or transport failure.
    /// Credentials, security tokens and signatures are removed from it.
    /// </summary>
    public string Message { get; }

    /// <summary>The HTTP status of the answer; <see langword="null"/> when no answer was received.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The service's error code (for example <c>InvalidStatus.NotStopped</c>), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's request ID, from the body or the <c>x-acs-request-id</c> header, when it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The host that answered, as the service reported it.</summary>
    public string? HostId { get; }

    /// <summary>The diagnosis link the service recommends, when it sent one.</summary>
    public string? Recommend { get; }

    /// <summary>The service's <c>AccessDeniedDetail</c> object as raw JSON, when it sent one.</summary>
    public string? AccessDeniedDetail { get; }

    /// <summary>
    /// The <c>ClientToken</c> the call sent, if any. A call that failed after it may have reached the service can be
    /// repeated with this token without risking a second order.
    /// </summary>
    public string? ClientToken { get; }

    /// <summary>The documented family of <see cref="ErrorCode"/>; <see langword="null"/> for undocumented codes.</summary>
    public EcsErrorFamily? Family { get; }

    /// <summary>
    /// Whether the client would repeat the call if attempts were left, the same rule for every kind of failure:
    /// throttling, a timestamp outside the service's window and a connection that never reached the service always;
    /// a service-side failure, a reused nonce or a lost answer only when the call carried a <see cref="ClientToken"/>
    /// (without one a repeat could apply the change twice) or only reads (<c>DescribeInstances</c>,
    /// <c>DescribeResourcesModification</c>, which a repeat cannot change). The client has already retried as far as
    /// <see cref="EcsSpecClientOptions.Retry"/> allows; see <see cref="Attempts"/>.
    /// </summary>
    public bool IsRetryable => RetryClass switch
    {
        EcsRetryClass.None => false,
        // A transport failure's class already says whether the request may have reached the service without a token.
        EcsRetryClass.Transient or EcsRetryClass.ResignOnce when Kind != EcsErrorKind.Transport => EcsErrorCatalog.IsSafeToRepeat(Operation, ClientToken),
        _ => true,
    };

    /// <summary>How many attempts the call made before it gave up with this error (1 when it was not retried).</summary>
    public int Attempts { get; }

    /// <summary>Why the client did not retry the last attempt, when it could have been worth retrying.</summary>
    internal string? NotRetriedBecause { get; }

    /// <summary>What the catalog advises for this code, part of the description (for example when to try again).</summary>
    internal string? Advice { get; }

    /// <summary>How this error may be retried: the catalog's class for service errors, the transport rule otherwise.</summary>
    internal EcsRetryClass RetryClass { get; }

    /// <summary>
    /// For transport failures: whether the request may have reached the service (and so may have taken effect).
    /// Always <see langword="true"/> when the service answered.
    /// </summary>
    public bool RequestMayHaveBeenSent { get; }

    /// <summary>A short, sanitized excerpt of a body that was not a valid ECS document.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>The underlying exception of a transport failure.</summary>
    public Exception? InnerException { get; }

    /// <summary>
    /// This error as the call ends with it: the same answer, with how many attempts the call made and why the client
    /// did not repeat the last one. A copy, so that no error is changed once built.
    /// </summary>
    internal EcsError AfterAttempts(int attempts, string? notRetriedBecause) => new(
        Kind, Operation, Message, StatusCode, ErrorCode, RequestId, HostId, Recommend, AccessDeniedDetail, ClientToken, Family,
        RetryClass, RequestMayHaveBeenSent, BodyExcerpt, InnerException, Advice, attempts, notRetriedBecause);

    /// <summary>
    /// The typed exception for this error (the one the throwing methods raise), so that a <c>Try…</c> caller can
    /// still <c>throw error.ToException()</c>.
    /// </summary>
    public EcsException ToException() => _exception ??= EcsExceptionFactory.Create(this);

    /// <inheritdoc />
    public override string ToString() => EcsExceptionFactory.Describe(this);
}
