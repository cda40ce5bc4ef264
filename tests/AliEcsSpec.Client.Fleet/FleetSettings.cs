namespace AliEcsSpec.Client.Fleet;

/// <summary>One run of the fleet benchmark.</summary>
/// <param name="Instances">How many pay-as-you-go instances are resized, one call each.</param>
/// <param name="Rate">The emulator's throttling rate per AccessKey, requests per second.</param>
/// <param name="Burst">The emulator's throttling burst.</param>
/// <param name="Callers">How many callers share the client.</param>
/// <param name="Mode">The client's rate-limit mode.</param>
internal sealed record FleetSettings(int Instances, double Rate, int Burst, int Callers, Resilience.RateLimiting.RateLimitMode Mode)
{
    /// <summary>The wall time a perfect client needs: every call at the quota, none throttled.</summary>
    public TimeSpan Ideal => TimeSpan.FromSeconds(Instances / Rate);
}
