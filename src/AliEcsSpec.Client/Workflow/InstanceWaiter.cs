using AliEcsSpec.Client.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliEcsSpec.Client.Workflow;

/// <summary>
/// Waits for an instance to reach a status or show a type, by polling <c>DescribeInstances</c> through the client (so
/// its retries and rate limiting pace the polls) with a growing interval, until a timeout or the caller's cancellation.
/// </summary>
public static class InstanceWaiter
{
    /// <summary>Polls until the instance has <paramref name="status"/>, for example <c>Stopped</c> or <c>Running</c>.</summary>
    /// <param name="client">The client the polls go through.</param>
    /// <param name="regionId">The region of the instance.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="status">The status to wait for, as <c>DescribeInstances</c> spells it.</param>
    /// <param name="options">The clock, the intervals and the timeout; unset, 2 s growing to 15 s for up to 10 minutes.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The instance as the poll that showed the status saw it.</returns>
    /// <exception cref="ArgumentException">An argument is empty or an option out of range; nothing was sent.</exception>
    /// <exception cref="InstanceWaitTimeoutException">The timeout passed first; it carries the last state seen.</exception>
    /// <exception cref="Errors.EcsException">A poll failed after the client's own retries.</exception>
    public static Task<EcsInstance> WaitUntilInstanceStatusAsync(
        this IEcsSpecClient client, string regionId, string instanceId, string status, EcsWorkflowOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(client, regionId, instanceId, options);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        return WaitAsync(client, regionId, instanceId, i => string.Equals(i.Status, status, StringComparison.Ordinal), $"status {status}", options, cancellationToken);
    }

    /// <summary>Polls until <c>DescribeInstances</c> shows the instance with <paramref name="instanceType"/>.</summary>
    /// <param name="client">The client the polls go through.</param>
    /// <param name="regionId">The region of the instance.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="instanceType">The type to wait for, for example <c>ecs.g6.xlarge</c>.</param>
    /// <param name="options">The clock, the intervals and the timeout; unset, 2 s growing to 15 s for up to 10 minutes.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The instance as the poll that showed the type saw it.</returns>
    /// <exception cref="ArgumentException">An argument is empty or an option out of range; nothing was sent.</exception>
    /// <exception cref="InstanceWaitTimeoutException">The timeout passed first; it carries the last state seen.</exception>
    /// <exception cref="Errors.EcsException">A poll failed after the client's own retries.</exception>
    public static Task<EcsInstance> WaitUntilInstanceTypeAsync(
        this IEcsSpecClient client, string regionId, string instanceId, string instanceType, EcsWorkflowOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(client, regionId, instanceId, options);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceType);
        return WaitAsync(client, regionId, instanceId, i => string.Equals(i.InstanceType, instanceType, StringComparison.Ordinal), $"type {instanceType}", options, cancellationToken);
    }

    private static void Check(IEcsSpecClient client, string regionId, string instanceId, EcsWorkflowOptions? options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(regionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        options?.Validate(nameof(options));
    }

    /// <summary>The one polling loop; arguments are checked by the caller.</summary>
    internal static async Task<EcsInstance> WaitAsync(
        IEcsSpecClient client, string regionId, string instanceId, Func<EcsInstance, bool> reached, string expected,
        EcsWorkflowOptions? options, CancellationToken cancellationToken)
    {
        options ??= new EcsWorkflowOptions();
        var time = options.TimeProvider;
        var logger = options.Logger ?? NullLogger.Instance;
        var started = time.GetTimestamp();
        EcsInstance? lastSeen = null;
        for (var poll = 1; ; poll++)
        {
            string? failedWith = null;
            try
            {
                lastSeen = await InstanceCalls.DescribeAsync(client, regionId, instanceId, cancellationToken).ConfigureAwait(false);
            }
            catch (Errors.EcsException failure) when (PatientReads.IsTransient(failure))
            {
                // A poll that got no usable answer saw nothing new; the next one may. The timeout still bounds the wait.
                failedWith = "a failed poll (" + (failure.Error.ErrorCode ?? failure.Error.Kind.ToString()) + ")";
            }

            if (lastSeen is not null && reached(lastSeen))
            {
                return lastSeen;
            }

            var waited = time.GetElapsedTime(started);
            var pause = PollSchedule.Pause(poll, options.FirstPollInterval, options.MaxPollInterval, options.WaitTimeout - waited);
            if (pause <= TimeSpan.Zero)
            {
                throw new InstanceWaitTimeoutException(instanceId, expected, lastSeen, poll, waited);
            }

            Log.WaitPolled(logger, instanceId, expected, poll, failedWith ?? lastSeen?.Status, lastSeen?.InstanceType, pause.TotalSeconds);
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
