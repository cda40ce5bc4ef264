namespace AliEcsSpec.Emulator;

/// <summary>What kind of misbehaviour a fault injects.</summary>
public enum InjectedFaultKind
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

/// <summary>One injected fault.</summary>
/// <param name="Kind">What happens.</param>
public sealed record InjectedFault(InjectedFaultKind Kind)
{
    /// <summary>The error answered, for <see cref="InjectedFaultKind.Error"/>.</summary>
    public ServiceError? Error { get; init; }

    /// <summary>How long to wait, for <see cref="InjectedFaultKind.DelayAfterCommit"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Answer an error document.</summary>
    /// <param name="status">HTTP status.</param>
    /// <param name="code">Error code.</param>
    /// <param name="message">Error message.</param>
    /// <returns>The fault.</returns>
    public static InjectedFault Answer(int status, string code, string message = "Injected by the emulator.") =>
        new(InjectedFaultKind.Error) { Error = new ServiceError(status, code, message) };

    /// <summary><c>Throttling</c>, HTTP 400.</summary>
    public static InjectedFault Throttling { get; } =
        Answer(400, "Throttling", "You have made too many requests within a short time; your request is denied due to request throttling.");

    /// <summary><c>InternalError</c>, HTTP 500.</summary>
    public static InjectedFault InternalError { get; } =
        Answer(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.");

    /// <summary><c>ServiceUnavailable</c>, HTTP 503.</summary>
    public static InjectedFault ServiceUnavailable { get; } =
        Answer(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");

    /// <summary>A 502 HTML page.</summary>
    public static InjectedFault NonJsonBadGateway { get; } = new(InjectedFaultKind.NonJsonBadGateway);

    /// <summary>Commit, then close the connection.</summary>
    public static InjectedFault CloseConnectionAfterCommit { get; } = new(InjectedFaultKind.CloseConnectionAfterCommit);

    /// <summary><c>InvalidTimeStamp.Expired</c>.</summary>
    public static InjectedFault ClockSkew { get; } = new(InjectedFaultKind.ClockSkew);

    /// <summary>Commit, then wait <paramref name="delay"/> before answering.</summary>
    /// <param name="delay">How long.</param>
    /// <returns>The fault.</returns>
    public static InjectedFault DelayAfterCommit(TimeSpan delay) => new(InjectedFaultKind.DelayAfterCommit) { Delay = delay };

    /// <summary>
    /// The errors a well-behaved client retries (<see cref="Throttling"/>, <see cref="InternalError"/>,
    /// <see cref="ServiceUnavailable"/>): the mix of random faults when the tool or an admin call names none.
    /// </summary>
    public static IReadOnlyList<InjectedFault> Transient { get; } = [Throttling, InternalError, ServiceUnavailable];

    /// <summary>
    /// The ready-made faults by the names the standalone tool and the admin routes use: <c>throttling</c>,
    /// <c>internal-error</c>, <c>service-unavailable</c>, <c>bad-gateway</c>, <c>close-after-commit</c> and
    /// <c>clock-skew</c> (names compare ignoring case).
    /// </summary>
    // Declared after the faults it names: static initializers run in the order they are written.
    public static IReadOnlyDictionary<string, InjectedFault> ByName { get; } = new Dictionary<string, InjectedFault>(StringComparer.OrdinalIgnoreCase)
    {
        ["throttling"] = Throttling,
        ["internal-error"] = InternalError,
        ["service-unavailable"] = ServiceUnavailable,
        ["bad-gateway"] = NonJsonBadGateway,
        ["close-after-commit"] = CloseConnectionAfterCommit,
        ["clock-skew"] = ClockSkew,
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        InjectedFaultKind.Error => $"{Error!.Status} {Error.Code}",
        InjectedFaultKind.DelayAfterCommit => $"delay {Delay.TotalMilliseconds} ms after commit",
        _ => Kind.ToString(),
    };
}
