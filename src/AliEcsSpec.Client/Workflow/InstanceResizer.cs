using AliEcsSpec.Client.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliEcsSpec.Client.Workflow;

/// <summary>
/// Resizes one instance end to end: describe it, check the target is offered, choose the operation, stop it when the
/// change needs it and the caller allows it, change it with a ClientToken derived from the plan, wait until the new
/// type shows, and start it again.
/// </summary>
public static class InstanceResizer
{
    /// <summary>Brings the instance to <see cref="ResizeInstanceRequest.InstanceType"/>, reporting each step.</summary>
    /// <param name="client">The client every call goes through.</param>
    /// <param name="request">The instance, the target type and what the resize may do.</param>
    /// <param name="progress">Told of each step when it starts and when it ends.</param>
    /// <param name="options">The clock, the waits and the logger; unset, the system clock and 2 s to 15 s polls for up to 10 minutes.</param>
    /// <param name="cancellationToken">Stops the resize between or inside steps; the message says if it left the instance stopped.</param>
    /// <returns>The types and statuses before and after, the order ID, and every step.</returns>
    /// <exception cref="ArgumentException">The request or the options break a rule; nothing was sent and no step taken.</exception>
    /// <exception cref="InstanceResizeException">A step failed; the exception says which and what state the instance was left in.</exception>
    public static async Task<ResizeResult> ResizeInstanceAsync(
        this IEcsSpecClient client, ResizeInstanceRequest request, IProgress<ResizeStep>? progress = null,
        EcsWorkflowOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        options?.Validate(nameof(options));
        options ??= new EcsWorkflowOptions();

        using var activity = EcsTelemetry.StartResize(request.InstanceId, request.InstanceType, request.PlanOnly);
        var run = new ResizeRun(
            request.InstanceId, progress, options.Logger ?? NullLogger.Instance, options.TimeProvider,
            token => InstanceCalls.DescribeAsync(client, request.RegionId, request.InstanceId, token));
        var steps = new ResizeSteps(client, request, options, run, cancellationToken);
        var result = await steps.RunAsync().ConfigureAwait(false);
        EcsTelemetry.CompleteResize(activity, result.Changed, result.OrderId);
        return result;
    }
}
