namespace AliEcsSpec.Emulator;

/// <summary>What kind of misbehaviour a fault injects.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Answer with an error document (for example <c>Throttling</c> or <c>InternalError</c>) without processing.</summary>
    Error,

    /// <summary>Answer 502 with an HTML page, as a gateway would, without processing.</summary>
    NonJsonBadGateway,

    /// <summary>Process the request (commit the change), then close the connection without answering.</summary>
    CloseConnectionAfterCommit,

    /// <summary>Process the request (commit the change), then wait before answering.</summary>
    DelayAfterCommit,

    /// <summary>Answer <c>InvalidTimeStamp.Expired</c> as if the caller's clock were skewed, without processing.</summary>
    ClockSkew,
}

/// <summary>What identifies one call when random faults are drawn (see <see cref="EmulatorFaults.Random(double, int, IReadOnlyList{EmulatorFault}, FaultDrawKey)"/>).</summary>
public enum FaultDrawKey
{
    /// <summary>
    /// The call's ClientToken (its instance when it has none). A run replays from its seed when the callers choose
    /// their tokens, in any order.
    /// </summary>
    ClientToken,

    /// <summary>
    /// The call's instance and its place among the calls on that instance (the n-th distinct ClientToken seen for it).
    /// A run replays from its seed even when the tokens are generated at random (a client's <c>AutoClientToken</c>),
    /// as long as each instance's calls are made one after another.
    /// </summary>
    InstanceCallOrder,
}

/// <summary>One injected fault.</summary>
/// <param name="Kind">What happens.</param>
public sealed record EmulatorFault(EmulatorFaultKind Kind)
{
    /// <summary>The error answered, for <see cref="EmulatorFaultKind.Error"/>.</summary>
    public EcsFault? Error { get; init; }

    /// <summary>How long to wait, for <see cref="EmulatorFaultKind.DelayAfterCommit"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Answer an error document.</summary>
    /// <param name="status">HTTP status.</param>
    /// <param name="code">Error code.</param>
    /// <param name="message">Error message.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Answer(int status, string code, string message = "Injected by the emulator.") =>
        new(EmulatorFaultKind.Error) { Error = new EcsFault(status, code, message) };

    /// <summary><c>Throttling</c>, HTTP 400.</summary>
    public static EmulatorFault Throttling { get; } =
        Answer(400, "Throttling", "You have made too many requests within a short time; your request is denied due to request throttling.");

    /// <summary><c>InternalError</c>, HTTP 500.</summary>
    public static EmulatorFault InternalError { get; } =
        Answer(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.");

    /// <summary><c>ServiceUnavailable</c>, HTTP 503.</summary>
    public static EmulatorFault ServiceUnavailable { get; } =
        Answer(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");

    /// <summary>A 502 HTML page.</summary>
    public static EmulatorFault NonJsonBadGateway { get; } = new(EmulatorFaultKind.NonJsonBadGateway);

    /// <summary>Commit, then close the connection.</summary>
    public static EmulatorFault CloseConnectionAfterCommit { get; } = new(EmulatorFaultKind.CloseConnectionAfterCommit);

    /// <summary><c>InvalidTimeStamp.Expired</c>.</summary>
    public static EmulatorFault ClockSkew { get; } = new(EmulatorFaultKind.ClockSkew);

    /// <summary>Commit, then wait <paramref name="delay"/> before answering.</summary>
    /// <param name="delay">How long.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault DelayAfterCommit(TimeSpan delay) => new(EmulatorFaultKind.DelayAfterCommit) { Delay = delay };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        EmulatorFaultKind.Error => $"{Error!.Status} {Error.Code}",
        EmulatorFaultKind.DelayAfterCommit => $"delay {Delay.TotalMilliseconds} ms after commit",
        _ => Kind.ToString(),
    };
}
