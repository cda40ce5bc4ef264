namespace AliEcsSpec.Client.Workflow;

/// <summary><c>DescribeInstances</c> does not show the instance in the region (or the caller may not see it).</summary>
public sealed class ResizeInstanceNotFoundException : InstanceResizeException
{
    internal ResizeInstanceNotFoundException(ResizeFailureContext context, string regionId)
        : base(context, $"DescribeInstances shows no instance {context.InstanceId} in {regionId}.", null)
    {
    }
}

/// <summary>
/// The target type is not offered to this instance, or sold out, in either direction
/// (<c>DescribeResourcesModification</c> Upgrade and Downgrade). Nothing was changed.
/// </summary>
public sealed class ResizeTargetNotOfferedException : InstanceResizeException
{
    internal ResizeTargetNotOfferedException(ResizeFailureContext context, string target, IReadOnlyList<string> offered, IReadOnlyList<string> soldOut)
        : base(context, Reason(target, offered, soldOut), null)
    {
        Target = target;
        Offered = offered;
        SoldOut = soldOut;
    }

    /// <summary>The type asked for.</summary>
    public string Target { get; }

    /// <summary>The types this instance may change to now (available, with stock), in the service's order.</summary>
    public IReadOnlyList<string> Offered { get; }

    /// <summary>The types the service lists for it without stock.</summary>
    public IReadOnlyList<string> SoldOut { get; }

    private static string Reason(string target, IReadOnlyList<string> offered, IReadOnlyList<string> soldOut) =>
        (soldOut.Contains(target, StringComparer.Ordinal) ? $"{target} is sold out for this instance." : $"{target} is not offered for this instance.")
        + $" Offered: {(offered.Count == 0 ? "none" : string.Join(", ", offered))}."
        + (soldOut.Count == 0 ? string.Empty : $" Sold out: {string.Join(", ", soldOut)}.");
}

/// <summary>
/// The change needs the instance Stopped, it is Running, and <see cref="ResizeInstanceRequest.AllowStop"/> is off.
/// Nothing was stopped or changed.
/// </summary>
public sealed class ResizeNeedsStopException : InstanceResizeException
{
    internal ResizeNeedsStopException(ResizeFailureContext context, string operation)
        : base(context, $"{operation} needs the instance Stopped and it is {context.Status}; set AllowStop to let the resize stop it, or stop it yourself.", null)
    {
        Operation = operation;
    }

    /// <summary>The operation that needs the instance stopped.</summary>
    public string Operation { get; }
}

/// <summary>
/// The instance cannot be changed as it is: its status (for example <c>Expired</c>) or an operation lock (for example
/// arrears) refuses every change. Nothing was changed.
/// </summary>
public sealed class ResizeInstanceNotChangeableException : InstanceResizeException
{
    internal ResizeInstanceNotChangeableException(ResizeFailureContext context, string why)
        : base(context, why, null)
    {
    }
}

/// <summary>
/// A call of a step failed (the service's error or no answer, the inner <see cref="Errors.EcsException"/>) or a wait
/// timed out (the inner <see cref="InstanceWaitTimeoutException"/>), or the caller cancelled it.
/// </summary>
public sealed class ResizeStepFailedException : InstanceResizeException
{
    internal ResizeStepFailedException(ResizeFailureContext context, ResizeStepKind step, Exception innerException)
        : base(context, $"step {step} failed: {innerException.Message}", innerException)
    {
        Step = step;
    }

    /// <summary>The step that failed.</summary>
    public ResizeStepKind Step { get; }
}
