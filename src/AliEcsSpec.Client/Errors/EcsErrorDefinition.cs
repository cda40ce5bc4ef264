namespace AliEcsSpec.Client.Errors;

/// <summary>One documented error code of one operation (or of every operation when <see cref="Operation"/> is <c>*</c>).</summary>
/// <param name="Operation">The action name, or <see cref="EcsErrorCatalog.AnyOperation"/> for codes every RPC action can return.</param>
/// <param name="Code">The documented error code.</param>
/// <param name="Family">The family that decides the exception type.</param>
/// <param name="Retry">How the code may be retried.</param>
/// <param name="Statuses">Every HTTP status the documents list for this code.</param>
/// <param name="Message">The documented message (<c>%s</c> where the service fills in details).</param>
internal sealed record EcsErrorDefinition(
    string Operation,
    string Code,
    EcsErrorFamily Family,
    EcsRetryClass Retry,
    IReadOnlyList<int> Statuses,
    string Message)
{
    /// <summary>
    /// For a code whose documented message gives it a meaning of its own: the phrase the service's message must
    /// contain for this definition to apply (otherwise the common definition of the code does).
    /// </summary>
    public string? IdentifyingPhrase { get; init; }

    /// <summary>What the caller can do, added to the error's description.</summary>
    public string? Advice { get; init; }
}
