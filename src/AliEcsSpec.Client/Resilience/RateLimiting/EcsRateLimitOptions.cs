using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>
/// How the client paces its attempts (<see cref="EcsSpecClientOptions.RateLimit"/>, section <c>AliEcsSpec:RateLimit</c>).
/// Every client in the process with the same AccessKey ID, endpoint and these settings shares one limiter, so a fleet
/// tool's callers together stay within the account's quota instead of each finding it by being throttled.
/// </summary>
public sealed class EcsRateLimitOptions
{
    // The limits, written once: the attributes below need them as constants.
    internal const double SlowestRate = 0.1;
    internal const double FastestRate = 100_000;
    internal const int LargestBurst = 10_000;

    /// <summary>The default of <see cref="Burst"/>: 10, the burst ECS allows per AccessKey.</summary>
    public const int DefaultBurst = 10;

    /// <summary>How attempts are paced; <see cref="RateLimitMode.Adaptive"/> by default.</summary>
    public RateLimitMode Mode { get; set; } = RateLimitMode.Adaptive;

    /// <summary>
    /// Attempts per second (0.1 to 100,000). Required by <see cref="RateLimitMode.Fixed"/>; in
    /// <see cref="RateLimitMode.Adaptive"/> the rate to start from (by default <see cref="Burst"/> per second, from
    /// which the limiter speeds up until the service throttles).
    /// </summary>
    [Range(SlowestRate, FastestRate)]
    public double? RequestsPerSecond { get; set; }

    /// <summary>How many attempts may start at once before pacing begins (1 to 10,000); default 10.</summary>
    [Range(1, LargestBurst)]
    public int Burst { get; set; } = DefaultBurst;

    internal EcsRateLimitOptions Clone() => (EcsRateLimitOptions)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"EcsRateLimitOptions {{ Mode = {Mode}, RequestsPerSecond = {(RequestsPerSecond is { } rate ? rate.ToString(CultureInfo.InvariantCulture) : "(none)")}, Burst = {Burst} }}");
}
