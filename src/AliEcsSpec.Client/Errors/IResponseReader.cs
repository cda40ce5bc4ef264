namespace AliEcsSpec.Client.Errors;

/// <summary>
/// How an operation reads its answers, as the <see cref="OutcomeClassifier"/> asks for it: the operation's success
/// document, and the one error answer (if any) that is the operation's success.
/// </summary>
internal interface IResponseReader
{
    /// <summary>
    /// Reads a success document into the typed response; <see langword="null"/> when the document lacks what the
    /// response needs. May throw <see cref="System.Text.Json.JsonException"/> for a body that is not the document.
    /// </summary>
    /// <param name="answer">The answer as read.</param>
    /// <param name="clientToken">The token the call sent.</param>
    /// <param name="redact">Scrubs secrets from text the service sent (the request ID is shown in logs and traces).</param>
    IEcsResponse? ReadSuccess(in RpcAnswer answer, string? clientToken, IRedactor redact);

    /// <summary>The response an error answer stands for (a passed dry run's <c>DryRunOperation</c>), or <see langword="null"/>.</summary>
    IEcsResponse? SuccessFromError(EcsError error);
}
