namespace AliEcsSpec.Client;

/// <summary>
/// No usable credentials were found for a call. The message lists every source that was tried and why it was
/// skipped, never a secret.
/// </summary>
public sealed class EcsCredentialsException : EcsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was tried and why nothing was found. Must not contain secrets.</param>
    /// <param name="innerException">The failure of a credentials source, if any.</param>
    public EcsCredentialsException(string message, Exception? innerException = null)
        : base(message, operation: string.Empty, clientToken: null, innerException)
    {
    }

    private EcsCredentialsException(EcsCredentialsException unnamed, string operation, string? clientToken)
        : base(unnamed.Message, operation, clientToken, unnamed)
    {
    }

    /// <summary>
    /// The same failure, naming the call it stopped. Credentials providers do not know which call asked them; the
    /// client does. The provider's exception stays as the inner exception, with its stack trace.
    /// </summary>
    internal EcsCredentialsException ForCall(string operation, string? clientToken) =>
        Operation.Length == 0 ? new EcsCredentialsException(this, operation, clientToken) : this;
}
