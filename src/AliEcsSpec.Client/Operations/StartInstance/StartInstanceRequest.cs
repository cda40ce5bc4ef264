namespace AliEcsSpec.Client;

/// <summary>
/// Starts a <c>Stopped</c> instance: <c>StartInstance</c>. The call returns once the start has begun: the instance is
/// <c>Starting</c>, and <c>Running</c> some seconds later. An instance locked for security reasons cannot be started;
/// one stopped in economical mode may fail to start for lack of stock. A pending subscription downgrade takes effect
/// at this start. The action documents no <c>RegionId</c> and no <c>ClientToken</c>: it is sent to the endpoint of
/// <see cref="EcsSpecClientOptions.RegionId"/>, and a call whose answer was lost is not repeated.
/// </summary>
public sealed record StartInstanceRequest
{
    /// <summary><c>InstanceId</c> (required): the instance to start.</summary>
    public required string InstanceId { get; init; }

    /// <summary>
    /// <c>InitLocalDisk</c>: for instances with local disks (d1, i1, i2 families) whose local disk failed, restore the
    /// instance to its initial health at startup; the data on the original local disks is lost (service default
    /// <see langword="false"/>).
    /// </summary>
    public bool? InitLocalDisk { get; init; }

    /// <summary>
    /// <c>DryRun</c>: with <see langword="true"/> the service only checks the request and starts nothing. A request
    /// that passes is answered with <c>DryRunOperation</c>, which the client returns as a response whose
    /// <see cref="StartInstanceResponse.DryRun"/> is <see langword="true"/>; a request that fails gets its usual error.
    /// </summary>
    public bool? DryRun { get; init; }

    /// <summary>Checks every documented rule; throws <see cref="ArgumentException"/> naming the parameter and the rule.</summary>
    internal void Validate() => RequestRules.Required(InstanceId, nameof(InstanceId), "InstanceId");
}
