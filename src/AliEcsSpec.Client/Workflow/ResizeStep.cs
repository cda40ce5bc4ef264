namespace AliEcsSpec.Client.Workflow;

/// <summary>The steps of a resize, in the order they run.</summary>
public enum ResizeStepKind
{
    /// <summary>Read the instance: billing, status, current type (<c>DescribeInstances</c>).</summary>
    Describe,

    /// <summary>Check that the target type is offered and in stock for it (<c>DescribeResourcesModification</c>, Upgrade then Downgrade).</summary>
    CheckOffer,

    /// <summary>Work out upgrade or downgrade and the operation that changes it.</summary>
    ChooseOperation,

    /// <summary>Stop it (<c>StopInstance</c>) and wait until it is <c>Stopped</c>.</summary>
    Stop,

    /// <summary>Change the type (<c>ModifyPrepayInstanceSpec</c> or <c>ModifyInstanceSpec</c>) with the plan's ClientToken.</summary>
    Change,

    /// <summary>Wait until <c>DescribeInstances</c> shows the new type.</summary>
    WaitForType,

    /// <summary>Start it again (<c>StartInstance</c>) and wait until it is <c>Running</c>.</summary>
    Start,
}

/// <summary>Where a step stands when it is reported.</summary>
public enum ResizeStepState
{
    /// <summary>The step began.</summary>
    Started,

    /// <summary>The step did its work.</summary>
    Completed,

    /// <summary>The step was not needed (for example no stop for an instance that is already stopped).</summary>
    Skipped,

    /// <summary>Plan-only mode: the step would run, and nothing was changed.</summary>
    Planned,

    /// <summary>The step failed; the resize ends with an <see cref="InstanceResizeException"/>.</summary>
    Failed,
}

/// <summary>One step of a resize, as reported to the progress and returned in <see cref="ResizeResult.Steps"/>.</summary>
/// <param name="InstanceId">The instance being resized.</param>
/// <param name="Kind">Which step.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Detail">What it found or did, for people (for example <c>Running ecs.g6.large PostPaid</c>).</param>
/// <param name="Duration">How long it took (zero when <see cref="ResizeStepState.Started"/>).</param>
/// <param name="ClientToken">The ClientToken it sent or would send, if it changes something.</param>
public sealed record ResizeStep(
    string InstanceId, ResizeStepKind Kind, ResizeStepState State, string Detail, TimeSpan Duration, string? ClientToken = null);
