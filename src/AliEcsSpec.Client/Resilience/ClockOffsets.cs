using System.Collections.Concurrent;

namespace AliEcsSpec.Client;

/// <summary>
/// How far this machine's clock is from each endpoint's, learned from the <c>Date</c> header of an
/// <c>InvalidTimeStamp.Expired</c> answer, so that the retry and every later call sign with the server's time.
/// </summary>
internal sealed class ClockOffsets
{
    private readonly ConcurrentDictionary<string, TimeSpan> _byEndpoint = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What to add to the local clock when signing for <paramref name="endpoint"/>; zero until a skew is seen.</summary>
    public TimeSpan Get(Uri endpoint) => _byEndpoint.TryGetValue(endpoint.Authority, out var offset) ? offset : TimeSpan.Zero;

    /// <summary>Records the server's time as seen in its <c>Date</c> header at local time <paramref name="localNow"/>.</summary>
    /// <returns>The new offset.</returns>
    public TimeSpan Learn(Uri endpoint, DateTimeOffset serverDate, DateTimeOffset localNow)
    {
        var offset = serverDate - localNow;
        _byEndpoint[endpoint.Authority] = offset;
        return offset;
    }
}
