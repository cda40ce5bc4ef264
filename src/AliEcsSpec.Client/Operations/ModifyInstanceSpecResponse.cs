namespace AliEcsSpec.Client;

/// <summary>The answer to <c>ModifyInstanceSpec</c>.</summary>
/// <param name="RequestId">The service's request ID.</param>
/// <param name="ClientToken">The <c>ClientToken</c> the call actually sent, if any.</param>
public sealed record ModifyInstanceSpecResponse(string RequestId, string? ClientToken) : IEcsResponse;
