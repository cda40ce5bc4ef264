using System.Net;

namespace AliEcsSpec.Client.Errors;

/// <summary>
/// The service answered with an error. Documented codes are raised as one of the family exceptions deriving from
/// this type (for example <see cref="EcsThrottlingException"/>); codes the documents do not list are raised as this
/// type itself, with everything the service sent.
/// </summary>
public class EcsServiceException : EcsException
{
    private protected EcsServiceException(EcsError error)
        : base(error)
    {
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode => Error.StatusCode ?? 0;

    /// <summary>The service's error code, for example <c>InvalidStatus.NotStopped</c>; <see langword="null"/> when the body had none.</summary>
    public string? ErrorCode => Error.ErrorCode;

    /// <summary>The service's error message, with credentials, tokens and signatures removed.</summary>
    public string ServiceMessage => Error.Message;

    /// <summary>The service's request ID, when it sent one.</summary>
    public string? RequestId => Error.RequestId;

    /// <summary>The host that answered, as the service reported it.</summary>
    public string? HostId => Error.HostId;

    /// <summary>The diagnosis link the service recommends, when it sent one.</summary>
    public string? Recommend => Error.Recommend;

    /// <summary>The service's <c>AccessDeniedDetail</c> object as raw JSON, when it sent one.</summary>
    public string? AccessDeniedDetail => Error.AccessDeniedDetail;

    /// <summary>The documented family of <see cref="ErrorCode"/>; <see langword="null"/> for undocumented codes.</summary>
    public EcsErrorFamily? Family => Error.Family;

    internal static EcsServiceException ForUndocumentedCode(EcsError error) => new(error);
}
