namespace AliEcsSpec.Client.Errors;

/// <summary>
/// No answer was received: the connection failed, was reset or cut off, or the attempt timed out.
/// The original exception is kept as <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class EcsTransportException : EcsException
{
    internal EcsTransportException(EcsError error)
        : base(error)
    {
    }

    /// <summary>
    /// Whether the request may have reached the service and taken effect. When <see langword="true"/> and the call
    /// carried no <see cref="EcsException.ClientToken"/>, repeating it may change the instance (or order) twice.
    /// </summary>
    public bool RequestMayHaveBeenSent => Error.RequestMayHaveBeenSent;
}
