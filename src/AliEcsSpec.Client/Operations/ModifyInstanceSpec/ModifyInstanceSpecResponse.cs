using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>The answer to <c>ModifyInstanceSpec</c>.</summary>
/// <param name="RequestId">The service's request ID.</param>
/// <param name="ClientToken">The <c>ClientToken</c> the call actually sent, if any.</param>
/// <param name="DryRun">
/// <see langword="true"/> when the request was a dry run (<see cref="ModifyInstanceSpecRequest.DryRun"/>) and the
/// service found that it would succeed (its <c>DryRunOperation</c> answer): nothing was changed.
/// </param>
public sealed record ModifyInstanceSpecResponse(string RequestId, string? ClientToken, bool DryRun = false) : IEcsResponse;
