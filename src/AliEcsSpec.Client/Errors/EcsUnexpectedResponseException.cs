using System.Net;

namespace AliEcsSpec.Client.Errors;

/// <summary>
/// The service, or a gateway in front of it, answered with something that is not a valid ECS document: an HTML
/// error page, an empty or truncated body, or a success body that lacks the documented fields
/// (<see cref="EcsErrorKind.UnexpectedResponse"/>, a kind of its own beside service errors and transport failures).
/// </summary>
public sealed class EcsUnexpectedResponseException : EcsException
{
    internal EcsUnexpectedResponseException(EcsError error)
        : base(error)
    {
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode => Error.StatusCode ?? 0;

    /// <summary>The request ID from the <c>x-acs-request-id</c> header, when the answer had one.</summary>
    public string? RequestId => Error.RequestId;

    /// <summary>A short, sanitized excerpt of the body, for diagnosis.</summary>
    public string? BodyExcerpt => Error.BodyExcerpt;
}
