namespace AliEcsSpec.Client;

/// <summary>
/// The service, or a gateway in front of it, answered with something that is not a valid ECS document: an HTML
/// error page, an empty or truncated body, or a success body that lacks the documented fields.
/// </summary>
public sealed class EcsUnexpectedResponseException : EcsServiceException
{
    internal EcsUnexpectedResponseException(EcsError error)
        : base(error)
    {
    }

    /// <summary>A short, sanitized excerpt of the body, for diagnosis.</summary>
    public string? BodyExcerpt => Error.BodyExcerpt;
}
