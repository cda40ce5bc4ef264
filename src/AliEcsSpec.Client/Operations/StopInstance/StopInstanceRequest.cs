namespace AliEcsSpec.Client;

/// <summary>
/// Stops a <c>Running</c> instance: <c>StopInstance</c>. The call returns once the stop has begun: the instance is
/// <c>Stopping</c>, and <c>Stopped</c> some seconds later (see <see cref="IEcsSpecClient.DescribeInstancesAsync"/>).
/// An instance locked for security reasons (<c>OperationLocks</c> with <c>LockReason</c> <c>security</c>) cannot be
/// stopped. The action documents no <c>RegionId</c> and no <c>ClientToken</c>: it is sent to the endpoint of
/// <see cref="EcsSpecClientOptions.RegionId"/>, and a call whose answer was lost is not repeated.
/// </summary>
public sealed record StopInstanceRequest
{
    /// <summary><c>InstanceId</c> (required): the instance to stop.</summary>
    public required string InstanceId { get; init; }

    /// <summary><c>ForceStop</c>: stop at once, like cutting the power; data not written to disk may be lost (service default <see langword="false"/>).</summary>
    public bool? ForceStop { get; init; }

    /// <summary>
    /// <c>StoppedMode</c>: whether a pay-as-you-go instance keeps being billed once stopped. Service default:
    /// <see cref="Client.StoppedMode.StopCharging"/> where economical mode is enabled and its conditions are met,
    /// otherwise <see cref="Client.StoppedMode.KeepCharging"/>.
    /// </summary>
    public StoppedMode? StoppedMode { get; init; }

    /// <summary>
    /// <c>ConfirmStop</c>: the older revision requires <see langword="true"/> for instances of the i1 family with local
    /// disks (whose data is cleared); the current revision keeps it for compatibility only.
    /// </summary>
    public bool? ConfirmStop { get; init; }

    /// <summary>
    /// <c>Hibernate</c> (current API revision): hibernate instead of stopping; documented as in invitational preview.
    /// </summary>
    public bool? Hibernate { get; init; }

    /// <summary>
    /// <c>DryRun</c>: with <see langword="true"/> the service only checks the request and stops nothing. A request
    /// that passes is answered with <c>DryRunOperation</c>, which the client returns as a response whose
    /// <see cref="StopInstanceResponse.DryRun"/> is <see langword="true"/>; a request that fails gets its usual error.
    /// </summary>
    public bool? DryRun { get; init; }

    /// <summary>Checks every documented rule; throws <see cref="ArgumentException"/> naming the parameter and the rule.</summary>
    internal void Validate()
    {
        RequestRules.Required(InstanceId, nameof(InstanceId), "InstanceId");
        RequestRules.Defined(StoppedMode, nameof(StoppedMode), "StoppedMode");
    }
}
