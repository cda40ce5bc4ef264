using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>The answer to <c>StopInstance</c>: the stop has begun (the instance is <c>Stopping</c>).</summary>
/// <param name="RequestId">The service's request ID.</param>
/// <param name="DryRun">
/// <see langword="true"/> when the request was a dry run (<see cref="StopInstanceRequest.DryRun"/>) and the service
/// found that it would succeed (its <c>DryRunOperation</c> answer): nothing was stopped.
/// </param>
public sealed record StopInstanceResponse(string RequestId, bool DryRun = false) : IEcsResponse;
