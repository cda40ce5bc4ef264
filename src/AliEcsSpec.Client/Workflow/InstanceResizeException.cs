namespace AliEcsSpec.Client.Workflow;

/// <summary>
/// The base of every failure of <see cref="InstanceResizer.ResizeInstanceAsync"/>. Each says in its message, and in
/// <see cref="InstanceLeftIn"/> and <see cref="LeftStoppedByResize"/>, what state the instance was left in.
/// </summary>
public abstract class InstanceResizeException : Exception
{
    private protected InstanceResizeException(ResizeFailureContext context, string reason, Exception? innerException)
        : base(Compose(context, reason), innerException)
    {
        InstanceId = context.InstanceId;
        InstanceLeftIn = context.Status;
        InstanceType = context.InstanceType;
        LeftStoppedByResize = context.StoppedByResize;
        Steps = context.Steps;
    }

    /// <summary>The instance.</summary>
    public string InstanceId { get; }

    /// <summary>The status the instance was last seen in, for example <c>Stopped</c>; null when it was never seen.</summary>
    public string? InstanceLeftIn { get; }

    /// <summary>The instance type it was last seen with; null when it was never seen.</summary>
    public string? InstanceType { get; }

    /// <summary>
    /// Whether this resize stopped the instance and did not start it again: start it (<c>StartInstance</c>) or run the
    /// same plan again with <see cref="ResizeInstanceRequest.RestartAfter"/> set.
    /// </summary>
    public bool LeftStoppedByResize { get; }

    /// <summary>The steps taken up to the failure, the failed one last.</summary>
    public IReadOnlyList<ResizeStep> Steps { get; }

    private static string Compose(ResizeFailureContext context, string reason)
    {
        var left = context switch
        {
            { StoppedByResize: true } =>
                $" The instance was left {context.Status} by this resize (type {context.InstanceType}): start it with StartInstance, " +
                "or run the same plan again with RestartAfter = true.",
            { Status: null } => " This resize did not see the instance and changed nothing.",
            { Changed: false } => $" Nothing was changed: the instance is {context.Status} with type {context.InstanceType}.",
            _ => $" The instance was last seen {context.Status} with type {context.InstanceType}.",
        };
        return $"Resizing {context.InstanceId} failed: {reason}{left}";
    }
}

/// <summary>Where a failed resize left the instance, as the exceptions report it.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Status">Its last seen status.</param>
/// <param name="InstanceType">Its last seen type.</param>
/// <param name="StoppedByResize">Whether the resize stopped it and did not start it again.</param>
/// <param name="Changed">Whether the change was sent.</param>
/// <param name="Steps">The steps so far.</param>
internal sealed record ResizeFailureContext(
    string InstanceId, string? Status, string? InstanceType, bool StoppedByResize, bool Changed, IReadOnlyList<ResizeStep> Steps);
