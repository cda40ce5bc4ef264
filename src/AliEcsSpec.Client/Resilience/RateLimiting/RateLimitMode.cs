namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>How the client paces the calls of one AccessKey to one endpoint (<see cref="EcsRateLimitOptions.Mode"/>).</summary>
public enum RateLimitMode
{
    /// <summary>
    /// Learns the account's rate from throttling answers: starts with <see cref="EcsRateLimitOptions.Burst"/> calls at
    /// once and speeds up while nothing is throttled; on a throttling answer it sets the rate to what the service
    /// accepted, cuts at most once per window, and climbs back slowly. The default.
    /// </summary>
    Adaptive,

    /// <summary>Paces at <see cref="EcsRateLimitOptions.RequestsPerSecond"/> with <see cref="EcsRateLimitOptions.Burst"/>, for a known quota.</summary>
    Fixed,

    /// <summary>No pacing: throttling answers are retried after the throttling back-off, as before.</summary>
    Off,
}
