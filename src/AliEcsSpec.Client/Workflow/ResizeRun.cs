using System.Diagnostics;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Errors;
using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Workflow;

/// <summary>
/// The record of one resize while it runs: the steps so far, where the instance was last seen, and whether this resize
/// stopped it. Every step is reported to the progress, logged, and traced as a child of the resize's activity.
/// </summary>
internal sealed class ResizeRun(
    string instanceId, IProgress<ResizeStep>? progress, ILogger logger, TimeProvider time, Func<CancellationToken, Task<EcsInstance?>> describe)
{
    private readonly List<ResizeStep> _steps = [];

    public string InstanceId => instanceId;

    public ILogger Logger => logger;

    public EcsInstance? LastSeen { get; set; }

    /// <summary>Whether this resize sent a stop (it may have reached the service even when the call failed).</summary>
    public bool StopSent { get; set; }

    /// <summary>Whether the instance is stopped because of this resize: it sent a stop, and was not seen running since.</summary>
    public bool StoppedByResize => StopSent && LastSeen?.Status != EcsInstanceStatus.Running;

    public bool Changed { get; set; }

    /// <summary>The plan token of a request that gave none: good for retries inside this one resize only.</summary>
    public string RandomPlanToken { get; } = Guid.NewGuid().ToString("N");

    public IReadOnlyList<ResizeStep> Steps => _steps;

    /// <summary>Runs one step: reports it started, runs it, and reports how it ended; failures become typed exceptions.</summary>
    public async Task<T> StepAsync<T>(ResizeStepKind kind, string? clientToken, Func<Task<T>> body, Func<T, string> detail, CancellationToken cancellationToken,
        ResizeStepState doneState = ResizeStepState.Completed)
    {
        using var activity = EcsTelemetry.StartResizeStep(kind.ToString(), clientToken);
        var started = time.GetTimestamp();
        Report(new ResizeStep(instanceId, kind, ResizeStepState.Started, string.Empty, TimeSpan.Zero, clientToken));
        try
        {
            var value = await body().ConfigureAwait(false);
            Record(new ResizeStep(instanceId, kind, doneState, detail(value), time.GetElapsedTime(started), clientToken), activity);
            return value;
        }
        catch (Exception failure) when (failure is EcsException or InstanceWaitTimeoutException or InstanceResizeException or OperationCanceledException)
        {
            if (failure is InstanceWaitTimeoutException { LastSeen: { } seen })
            {
                LastSeen = seen;
            }
            else if (failure is EcsException && kind is ResizeStepKind.Stop or ResizeStepKind.Change or ResizeStepKind.Start)
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }

            Record(new ResizeStep(instanceId, kind, ResizeStepState.Failed, failure.Message, time.GetElapsedTime(started), clientToken), activity);
            throw failure switch
            {
                InstanceResizeException => failure,
                OperationCanceledException when StoppedByResize => new OperationCanceledException(
                    $"Resizing {instanceId} was cancelled in step {kind}. The instance was left Stopped by this resize: start it with " +
                    "StartInstance, or run the same plan again with RestartAfter = true.", failure, cancellationToken),
                OperationCanceledException => failure,
                _ => new ResizeStepFailedException(Context(), kind, failure),
            };
        }
    }

    // A call that failed may still have reached the service (a stop whose answer was lost): one more look tells the
    // exception what state the instance is really in. If that look fails too, the last state seen stands.
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            LastSeen = await describe(cancellationToken).ConfigureAwait(false) ?? LastSeen;
        }
        catch (Exception e) when (e is EcsException or OperationCanceledException)
        {
            _ = e;
        }
    }

    /// <summary>Records a step that did not need to run, or (plan-only) one that would run.</summary>
    public void Note(ResizeStepKind kind, ResizeStepState state, string detail, string? clientToken = null)
    {
        using var activity = EcsTelemetry.StartResizeStep(kind.ToString(), clientToken);
        Record(new ResizeStep(instanceId, kind, state, detail, TimeSpan.Zero, clientToken), activity);
    }

    /// <summary>Records a step that failed on a decision (no call failed), and returns the exception to throw.</summary>
    public InstanceResizeException Fail(ResizeStepKind kind, Func<ResizeFailureContext, InstanceResizeException> failure)
    {
        using var activity = EcsTelemetry.StartResizeStep(kind.ToString(), clientToken: null);
        var exception = failure(Context());
        Record(new ResizeStep(instanceId, kind, ResizeStepState.Failed, exception.Message, TimeSpan.Zero), activity);
        return exception;
    }

    // The steps are handed over as a view: a failed step is recorded after its exception is made, and the run ends there.
    public ResizeFailureContext Context() =>
        new(instanceId, LastSeen?.Status, LastSeen?.InstanceType, StoppedByResize, Changed, _steps.AsReadOnly());

    private void Record(ResizeStep step, Activity? activity)
    {
        _steps.Add(step);
        EcsTelemetry.CompleteResizeStep(activity, step.State.ToString(), step.State == ResizeStepState.Failed ? step.Detail : null);
        Report(step);
    }

    private void Report(ResizeStep step)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var (kind, state) = (step.Kind.ToString(), step.State.ToString());
            Log.ResizeStep(logger, step.InstanceId, kind, state, step.Detail, step.Duration.TotalMilliseconds, step.ClientToken);
        }
        progress?.Report(step);
    }
}
