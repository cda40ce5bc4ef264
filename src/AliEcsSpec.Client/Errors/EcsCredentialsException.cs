namespace AliEcsSpec.Client.Errors;

/// <summary>
/// No usable credentials were found for a call. The message lists every source that was tried and why it was
/// skipped, never a secret. Nothing was sent.
/// </summary>
public sealed class EcsCredentialsException : EcsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was tried and why nothing was found. Must not contain secrets.</param>
    /// <param name="innerException">The failure of a credentials source, if any.</param>
    public EcsCredentialsException(string message, Exception? innerException = null)
        : base(Describe(operation: string.Empty, clientToken: null, message, innerException), message, innerException)
    {
    }

    private EcsCredentialsException(EcsCredentialsException unnamed, string operation, string? clientToken)
        : base(Describe(operation, clientToken, unnamed.Message, unnamed), unnamed.Message, unnamed)
    {
    }

    /// <summary>The exception of an error of kind <see cref="EcsErrorKind.Credentials"/>.</summary>
    internal EcsCredentialsException(EcsError error)
        : base(error, error.Message, error.InnerException)
    {
    }

    /// <summary>
    /// The same failure, naming the call it stopped. Credentials providers do not know which call asked them; the
    /// client does. The provider's exception stays as the inner exception, with its stack trace.
    /// </summary>
    internal EcsCredentialsException ForCall(string operation, string? clientToken) =>
        Operation.Length == 0 ? new EcsCredentialsException(this, operation, clientToken) : this;

    private static EcsError Describe(string operation, string? clientToken, string message, Exception? innerException) => new(
        EcsErrorKind.Credentials,
        operation,
        message,
        clientToken: clientToken,
        requestMayHaveBeenSent: false,
        innerException: innerException);
}
