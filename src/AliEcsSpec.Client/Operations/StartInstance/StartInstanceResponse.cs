using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>The answer to <c>StartInstance</c>: the start has begun (the instance is <c>Starting</c>).</summary>
/// <param name="RequestId">The service's request ID.</param>
/// <param name="DryRun">
/// <see langword="true"/> when the request was a dry run (<see cref="StartInstanceRequest.DryRun"/>) and the service
/// found that it would succeed (its <c>DryRunOperation</c> answer): nothing was started.
/// </param>
public sealed record StartInstanceResponse(string RequestId, bool DryRun = false) : IEcsResponse;
