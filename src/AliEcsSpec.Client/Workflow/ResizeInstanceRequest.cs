namespace AliEcsSpec.Client.Workflow;

/// <summary>One instance to bring to a new instance type, and what the resize is allowed to do on the way.</summary>
public sealed record ResizeInstanceRequest
{
    /// <summary>The region of the instance, for example <c>cn-hangzhou</c>.</summary>
    public required string RegionId { get; init; }

    /// <summary>The instance to resize.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The instance type it should have at the end, for example <c>ecs.g6.xlarge</c>.</summary>
    public required string InstanceType { get; init; }

    /// <summary>
    /// The token the change's ClientToken is derived from (with the instance, the target type and the step). Give the
    /// same token when you run the same plan again after a crash, here or on another machine: the change is then a
    /// replay and never a second order. Printable ASCII, at most 64 characters. Unset, a new random token is used, so
    /// only retries inside this one call are safe.
    /// </summary>
    public string? PlanToken { get; init; }

    /// <summary>
    /// Whether the resize may stop a running instance whose change needs it stopped (pay-as-you-go type changes and
    /// prepaid downgrades). Off by default: such a resize then fails before any change.
    /// </summary>
    public bool AllowStop { get; init; }

    /// <summary><c>StoppedMode</c> of the stop, when <see cref="AllowStop"/> lets the resize stop the instance; unset, the service's default.</summary>
    public StoppedMode? StoppedMode { get; init; }

    /// <summary>
    /// Whether to start the instance at the end. Unset: start it when this resize stopped it. <see langword="true"/>:
    /// start it whenever it is stopped at the end (give this when you run again a plan that may already have stopped
    /// a running instance, so it ends running). <see langword="false"/>: leave it stopped; a prepaid downgrade then
    /// applies at the next start.
    /// </summary>
    public bool? RestartAfter { get; init; }

    /// <summary>
    /// Plan-only mode: describe, check the offer, choose the operation and run the service's dry runs where the
    /// operation has one, then return the steps it would take. Nothing is stopped, changed or started.
    /// </summary>
    public bool PlanOnly { get; init; }

    /// <summary><c>AutoPay</c> of a prepaid upgrade; unset, the service's default (pay at once).</summary>
    public bool? AutoPay { get; init; }

    /// <summary>Checks the request; throws <see cref="ArgumentException"/> naming the parameter and the rule.</summary>
    internal void Validate()
    {
        Required(RegionId, nameof(RegionId));
        Required(InstanceId, nameof(InstanceId));
        Required(InstanceType, nameof(InstanceType));
        if (PlanToken is not null && (PlanToken.Length is 0 or > 64 || PlanToken.Any(c => c is < '!' or > '~')))
        {
            throw new ArgumentException("PlanToken must be 1 to 64 printable ASCII characters without spaces.", nameof(PlanToken));
        }

        if (StoppedMode is { } mode && !Enum.IsDefined(mode))
        {
            throw new ArgumentException($"StoppedMode {(int)mode} is not a defined value.", nameof(StoppedMode));
        }

        if (StoppedMode is not null && !AllowStop)
        {
            throw new ArgumentException("StoppedMode is used only when AllowStop lets the resize stop the instance; set AllowStop too.", nameof(StoppedMode));
        }
    }

    private static void Required(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required and must not be empty or white space.", name);
        }
    }
}
