namespace AliEcsSpec.Emulator;

/// <summary>Per-AccessKey request throttling: a token bucket refilled at a steady rate.</summary>
internal sealed class TokenBucket(double ratePerSecond, int burst, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Tokens, long Stamp)> _buckets = new(StringComparer.Ordinal);

    public bool TryTake(string key)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var (tokens, stamp) = _buckets.TryGetValue(key, out var bucket) ? bucket : (burst, now);
            tokens = Math.Min(burst, tokens + (time.GetElapsedTime(stamp, now).TotalSeconds * ratePerSecond));
            var granted = tokens >= 1;
            _buckets[key] = (granted ? tokens - 1 : tokens, now);
            return granted;
        }
    }
}
