namespace AliEcsSpec.Client.Errors;

/// <summary>What kind of failure an <see cref="EcsError"/> describes.</summary>
public enum EcsErrorKind
{
    /// <summary>The service answered with an ECS error document (<c>Code</c>, <c>Message</c>, <c>RequestId</c>).</summary>
    Service,

    /// <summary>
    /// The service (or a gateway in front of it) answered with something that is not a valid ECS document:
    /// an HTML page, an empty or truncated body, or a success body without the documented fields.
    /// </summary>
    UnexpectedResponse,

    /// <summary>No answer was received: the connection failed, was reset or cut off, or the attempt timed out.</summary>
    Transport,

    /// <summary>No usable credentials were found, so nothing was sent (<see cref="EcsCredentialsException"/>).</summary>
    Credentials,
}
