namespace AliEcsSpec.Client;

/// <summary>How an error code may be retried. Kept beside the catalog so that retryability has one source.</summary>
internal enum EcsRetryClass
{
    /// <summary>Never retried: repeating the same request yields the same answer.</summary>
    None,

    /// <summary>Throttled: retried with a longer, jittered back-off.</summary>
    Throttled,

    /// <summary>A transient service-side failure: retried with the normal back-off.</summary>
    Transient,

    /// <summary>Retried once with a fresh signature (new nonce, or a clock corrected from the server's Date header).</summary>
    ResignOnce,
}
