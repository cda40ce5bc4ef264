using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace AliEcsSpec.Client.Resilience;

/// <summary>
/// How the client retries and times out a call (<see cref="EcsSpecClientOptions.Retry"/>). Bindable from the
/// configuration section <c>AliEcsSpec:Retry</c>. What is retried is fixed by the client (see the README, "Retries
/// and idempotency"); these settings only bound how often and how long.
/// </summary>
public sealed class EcsRetryOptions
{
    // The limits, written once: the attributes below need them as constants.
    internal const int MaxAttemptsLimit = 10;
    internal const string LongestDelay = "00:10:00";
    private const string Zero = "00:00:00";

    /// <summary>The default of <see cref="MaxAttempts"/>: 4 (the first attempt and up to three retries).</summary>
    public const int DefaultMaxAttempts = 4;

    /// <summary>The default of <see cref="BaseDelay"/>: 0.5 seconds.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The default of <see cref="ThrottlingBaseDelay"/>: 2 seconds.</summary>
    public static readonly TimeSpan DefaultThrottlingBaseDelay = TimeSpan.FromSeconds(2);

    /// <summary>The default of <see cref="MaxDelay"/>: 20 seconds.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(20);

    /// <summary>The default of <see cref="AttemptTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="TotalTimeout"/>: 2 minutes.</summary>
    public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How many attempts one call may make in all, the first included (1 to 10). 1 turns retries off.</summary>
    [Range(1, MaxAttemptsLimit)]
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>
    /// The first back-off after a service failure or a lost answer; it doubles with each retry, up to
    /// <see cref="MaxDelay"/>, and each delay is jittered between half and all of that value.
    /// </summary>
    [TimeSpanRange(Zero, LongestDelay)]
    public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

    /// <summary>The first back-off after a throttling answer, longer than <see cref="BaseDelay"/>; doubles and is jittered the same way.</summary>
    [TimeSpanRange(Zero, LongestDelay)]
    public TimeSpan ThrottlingBaseDelay { get; set; } = DefaultThrottlingBaseDelay;

    /// <summary>The longest single back-off.</summary>
    [TimeSpanRange(Zero, LongestDelay)]
    public TimeSpan MaxDelay { get; set; } = DefaultMaxDelay;

    /// <summary>How long one HTTP attempt may take, from sending to the end of the answer's body.</summary>
    [TimeSpanRange(Zero, LongestDelay, MinimumIsExclusive = true)]
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>
    /// How long a whole call may take, back-offs included. A retry whose back-off would end after it is not made, and
    /// the last attempt is cut off when it is reached.
    /// </summary>
    [TimeSpanRange(Zero, LongestDelay, MinimumIsExclusive = true)]
    public TimeSpan TotalTimeout { get; set; } = DefaultTotalTimeout;

    /// <summary>
    /// Whether retries draw on the process-wide retry budget (a token bucket, as the AWS SDKs' standard retry mode):
    /// when many calls fail at once, for example while the service is down, retries stop until calls succeed again.
    /// </summary>
    public bool UseRetryBudget { get; set; } = true;

    /// <summary>
    /// Called before each retry's back-off, with what failed and how long the client will wait. For metrics or
    /// tracing of your own; it cannot change the decision: an exception it throws is logged and the retry goes on.
    /// Not bindable from configuration.
    /// </summary>
    public Func<EcsRetryEvent, ValueTask>? OnRetry { get; set; }

    internal EcsRetryOptions Clone() => (EcsRetryOptions)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"EcsRetryOptions {{ MaxAttempts = {MaxAttempts}, BaseDelay = {BaseDelay}, ThrottlingBaseDelay = {ThrottlingBaseDelay}, " +
        $"MaxDelay = {MaxDelay}, AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout}, UseRetryBudget = {UseRetryBudget} }}");
}
