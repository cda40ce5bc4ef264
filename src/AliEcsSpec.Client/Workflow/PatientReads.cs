using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Errors;
using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Workflow;

/// <summary>
/// The workflow's reads (<c>DescribeInstances</c>, <c>DescribeResourcesModification</c>) repeated on a transient
/// failure, pausing by the poll schedule, until the wait timeout. The client has already spent its own retries of the
/// read (<see cref="EcsException.IsRetryable"/>); a read changes nothing, so the workflow also repeats what a write
/// may not: an answer that is not ECS's, a garbled success included, and it keeps trying for as long as it waits.
/// </summary>
internal static class PatientReads
{
    /// <summary>No answer, an answer that is not ECS's, throttling, a service failure, or what the client calls retryable.</summary>
    public static bool IsTransient(EcsException failure) =>
        failure.IsRetryable
        || failure.Error.Kind is EcsErrorKind.Transport or EcsErrorKind.UnexpectedResponse
        || failure.Error.Family is EcsErrorFamily.Throttling or EcsErrorFamily.ServiceFailure;

    public static async Task<T> ReadAsync<T>(
        Func<CancellationToken, Task<T>> read, string what, EcsWorkflowOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read(cancellationToken).ConfigureAwait(false);
            }
            catch (EcsException failure) when (IsTransient(failure))
            {
                var pause = PollSchedule.Pause(attempt, options.FirstPollInterval, options.MaxPollInterval, options.WaitTimeout - time.GetElapsedTime(started));
                if (pause <= TimeSpan.Zero)
                {
                    throw;
                }

                var cause = failure.Error.ErrorCode ?? failure.Error.Kind.ToString();
                Log.ReadRepeated(logger, what, attempt, cause, pause.TotalSeconds);
                await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
