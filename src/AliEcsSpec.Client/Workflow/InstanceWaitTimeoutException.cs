namespace AliEcsSpec.Client.Workflow;

/// <summary>A waiter gave up: the instance did not reach what it waited for within the timeout.</summary>
public sealed class InstanceWaitTimeoutException : TimeoutException
{
    internal InstanceWaitTimeoutException(string instanceId, string expected, EcsInstance? lastSeen, int polls, TimeSpan waited)
        : base($"{instanceId} did not become {expected} within {waited}: after {polls} polls of DescribeInstances it was "
            + (lastSeen is null ? "not shown at all." : $"{lastSeen.Status} with type {lastSeen.InstanceType}."))
    {
        InstanceId = instanceId;
        Expected = expected;
        LastSeen = lastSeen;
        Polls = polls;
        Waited = waited;
    }

    /// <summary>The instance waited for.</summary>
    public string InstanceId { get; }

    /// <summary>What the waiter waited for, for example <c>status Stopped</c>.</summary>
    public string Expected { get; }

    /// <summary>The instance as the last poll showed it; null when no poll showed it.</summary>
    public EcsInstance? LastSeen { get; }

    /// <summary>How many times <c>DescribeInstances</c> was called.</summary>
    public int Polls { get; }

    /// <summary>How long the waiter waited.</summary>
    public TimeSpan Waited { get; }
}
