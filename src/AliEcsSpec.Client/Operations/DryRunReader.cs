using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>
/// Reads the answers of a call that asked for a dry run (<c>DryRun=true</c>). The service answers a dry run whose
/// checks pass with the error code <c>DryRunOperation</c>; for such a call that answer is the success, and the
/// operation's response says so (its <c>DryRun</c> is <see langword="true"/>). The same code without a dry run
/// stays an error. Anything else is read as the operation reads it.
/// </summary>
internal sealed class DryRunReader : IResponseReader
{
    private readonly IResponseReader _operation;
    private readonly Func<string, string?, IEcsResponse> _passed;

    /// <param name="operation">How the operation reads its answers.</param>
    /// <param name="passed">The operation's response for a passed dry run, from the request ID and the ClientToken.</param>
    public DryRunReader(IResponseReader operation, Func<string, string?, IEcsResponse> passed)
    {
        _operation = operation;
        _passed = passed;
    }

    /// <inheritdoc />
    public IEcsResponse? ReadSuccess(in RpcAnswer answer, string? clientToken, IRedactor redact) =>
        _operation.ReadSuccess(answer, clientToken, redact);

    /// <inheritdoc />
    public IEcsResponse? SuccessFromError(EcsError error) =>
        error is { Kind: EcsErrorKind.Service, ErrorCode: EcsErrorCatalog.DryRunOperation }
            ? _passed(error.RequestId ?? string.Empty, error.ClientToken)
            : _operation.SuccessFromError(error);
}
