using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>The answer to <c>ModifyPrepayInstanceSpec</c>.</summary>
/// <param name="RequestId">The service's request ID.</param>
/// <param name="OrderId">
/// The ID of the order the change created. One revision of the API sends it as a JSON string, another as a number;
/// both arrive here as the same decimal text.
/// </param>
/// <param name="ClientToken">The <c>ClientToken</c> the call actually sent, if any.</param>
public sealed record ModifyPrepayInstanceSpecResponse(string RequestId, string OrderId, string? ClientToken) : IEcsResponse;
