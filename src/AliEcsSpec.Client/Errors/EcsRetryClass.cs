namespace AliEcsSpec.Client.Errors;

/// <summary>How an error code may be retried. Kept beside the catalog so that retryability has one source.</summary>
internal enum EcsRetryClass
{
    /// <summary>Never retried: repeating the same request yields the same answer.</summary>
    None,

    /// <summary>
    /// Throttled: the service refused the request before acting on it, so it is retried with a longer, jittered
    /// back-off, with or without a ClientToken.
    /// </summary>
    Throttled,

    /// <summary>
    /// A transient failure (a service-side error, a gateway status, or no answer at all): the request may have been
    /// acted on, so it is retried with the normal back-off only when the call carries a ClientToken.
    /// </summary>
    Transient,

    /// <summary>
    /// A nonce the service has seen: retried once at once with a new nonce, and only with a ClientToken (a request
    /// with that very nonce reached the service before, and may have acted).
    /// </summary>
    ResignOnce,

    /// <summary>
    /// A timestamp outside the service's window: nothing was done, so it is retried once at once, signed with the
    /// server's clock from its <c>Date</c> header (kept per endpoint for later calls).
    /// </summary>
    ResignWithServerClock,
}
