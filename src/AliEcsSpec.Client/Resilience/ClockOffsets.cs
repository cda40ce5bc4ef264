using System.Collections.Concurrent;

namespace AliEcsSpec.Client.Resilience;

/// <summary>
/// How far this machine's clock is from each endpoint's, learned from the <c>Date</c> header of an
/// <c>InvalidTimeStamp.Expired</c> answer, so that the retry and every later call sign with the server's time.
/// </summary>
internal sealed class ClockOffsets
{
    /// <summary>How far from the ends of the calendar a corrected signing time must stay.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, TimeSpan> _byEndpoint = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether any offset was ever learned: until then (nearly always), no endpoint's authority is looked up.</summary>
    private volatile bool _anyLearned;

    /// <summary>
    /// What to add to the local clock when signing for <paramref name="endpoint"/>; zero until a skew is seen. The
    /// clock is read only when an offset was learned.
    /// </summary>
    public TimeSpan Get(Uri endpoint, TimeProvider time) => _anyLearned ? Get(endpoint, time.GetUtcNow()) : TimeSpan.Zero;

    /// <summary>
    /// What to add to the local clock when signing for <paramref name="endpoint"/> at <paramref name="localNow"/>; zero
    /// until a skew is seen. An offset that would put the signing time within a day of the calendar's ends (learned
    /// from a broken <c>Date</c> header, such as 31 Dec 9999) is forgotten instead: the time could not be represented,
    /// and every later call to the endpoint would fail before it is sent.
    /// </summary>
    public TimeSpan Get(Uri endpoint, DateTimeOffset localNow)
    {
        if (!_anyLearned || !_byEndpoint.TryGetValue(endpoint.Authority, out var offset))
        {
            return TimeSpan.Zero;
        }

        if (offset > DateTimeOffset.MaxValue - localNow - Margin || offset < DateTimeOffset.MinValue - localNow + Margin)
        {
            _byEndpoint.TryRemove(new KeyValuePair<string, TimeSpan>(endpoint.Authority, offset));
            return TimeSpan.Zero;
        }

        return offset;
    }

    /// <summary>Records the server's time as seen in its <c>Date</c> header at local time <paramref name="localNow"/>.</summary>
    /// <returns>The new offset.</returns>
    public TimeSpan Learn(Uri endpoint, DateTimeOffset serverDate, DateTimeOffset localNow)
    {
        var offset = serverDate - localNow;
        _byEndpoint[endpoint.Authority] = offset;
        _anyLearned = true;
        return offset;
    }
}
