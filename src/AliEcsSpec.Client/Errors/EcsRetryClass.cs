namespace AliEcsSpec.Client;

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
    /// Refused by the signature check before anything was done: retried once at once with a fresh signature (a new
    /// nonce, or a clock corrected from the server's Date header).
    /// </summary>
    ResignOnce,
}
