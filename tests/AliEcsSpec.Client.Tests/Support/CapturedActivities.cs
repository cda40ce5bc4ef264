using System.Diagnostics;

namespace AliEcsSpec.Client.Tests.Support;

/// <summary>
/// The client's activities that stop while a test listens. An activity listener hears the whole process, so the calls
/// of tests running alongside stop activities here too, on their own threads: reads take a copy under the lock, and a
/// test picks out its own (by a tag it set, or by the trace of an activity it started).
/// </summary>
internal sealed class CapturedActivities : IDisposable
{
    private readonly List<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public CapturedActivities()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "AliEcsSpec.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_stopped)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The activities stopped so far, in the order they stopped.</summary>
    public List<Activity> Snapshot()
    {
        lock (_stopped)
        {
            return [.. _stopped];
        }
    }

    public void Dispose() => _listener.Dispose();
}
