namespace AliEcsSpec.Client;

/// <summary>The base of every exception this library throws for a failed ECS call.</summary>
public abstract class EcsException : Exception
{
    private protected EcsException(string message, string operation, string? clientToken, Exception? innerException)
        : base(message, innerException)
    {
        Operation = operation;
        ClientToken = clientToken;
    }

    /// <summary>The API action that failed, for example <c>ModifyPrepayInstanceSpec</c>.</summary>
    public string Operation { get; }

    /// <summary>
    /// The <c>ClientToken</c> the call sent, if any: repeat the call with it to learn its outcome without risking a
    /// second order.
    /// </summary>
    public string? ClientToken { get; }
}
