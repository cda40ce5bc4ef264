namespace AliEcsSpec.Client.Errors;

/// <summary>The base of every exception this library throws for a failed ECS call.</summary>
public abstract class EcsException : Exception
{
    private protected EcsException(EcsError error)
        : base(EcsExceptionFactory.Describe(error), error.InnerException)
    {
        Error = error;
    }

    private protected EcsException(EcsError error, string message, Exception? innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>All data of the failure, the same that the <c>Try…</c> methods return.</summary>
    public EcsError Error { get; }

    /// <summary>The API action that failed, for example <c>ModifyPrepayInstanceSpec</c>.</summary>
    public string Operation => Error.Operation;

    /// <summary>
    /// The <c>ClientToken</c> the call sent, if any: repeat the call with it to learn its outcome without risking a
    /// second order.
    /// </summary>
    public string? ClientToken => Error.ClientToken;

    /// <summary>Whether the client would repeat the call if attempts were left (see <see cref="EcsError.IsRetryable"/>).</summary>
    public bool IsRetryable => Error.IsRetryable;
}
