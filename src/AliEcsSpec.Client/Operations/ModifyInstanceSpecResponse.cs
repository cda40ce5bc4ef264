namespace AliEcsSpec.Client;

/// <summary>The answer to <c>ModifyInstanceSpec</c>.</summary>
/// <param name="RequestId">The service's request ID.</param>
/// <param name="ClientToken">The <c>ClientToken</c> the call actually sent, if any.</param>
/// <param name="DryRun">
/// <see langword="true"/> when the request was a dry run (<see cref="ModifyInstanceSpecRequest.DryRun"/>) and the
/// service found that it would succeed (its <c>DryRunOperation</c> answer): nothing was changed.
/// </param>
public sealed record ModifyInstanceSpecResponse(string RequestId, string? ClientToken, bool DryRun = false) : IEcsResponse
{
    /// <summary>
    /// The service answers a dry run that would succeed with the error code <c>DryRunOperation</c>: for a request that
    /// asked for a dry run, that answer is the success.
    /// </summary>
    internal static ModifyInstanceSpecResponse? FromPassedDryRun(EcsError error) =>
        error is { Kind: EcsErrorKind.Service, ErrorCode: EcsErrorCatalog.DryRunOperation }
            ? new ModifyInstanceSpecResponse(error.RequestId ?? string.Empty, error.ClientToken, DryRun: true)
            : null;
}
