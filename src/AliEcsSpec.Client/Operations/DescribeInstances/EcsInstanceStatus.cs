namespace AliEcsSpec.Client;

/// <summary>
/// The documented values of an instance's <c>Status</c>. The service may add others, so a status is a string; compare
/// with these constants.
/// </summary>
public static class EcsInstanceStatus
{
    /// <summary><c>Pending</c>: being created.</summary>
    public const string Pending = nameof(Pending);

    /// <summary><c>Running</c>.</summary>
    public const string Running = nameof(Running);

    /// <summary><c>Starting</c>: a start has begun.</summary>
    public const string Starting = nameof(Starting);

    /// <summary><c>Stopping</c>: a stop has begun.</summary>
    public const string Stopping = nameof(Stopping);

    /// <summary><c>Stopped</c>: the state in which the instance type of most instances can be changed.</summary>
    public const string Stopped = nameof(Stopped);
}
