using System.Globalization;
using System.Net.Http.Headers;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>What an answer tells the limiter: whether it is a rate refusal, and the server's hint of when to send again.</summary>
internal static class RateSignals
{
    /// <summary>The header the Alibaba Cloud gateways may send instead of (or besides) <c>Retry-After</c>, in seconds.</summary>
    public const string AcsRetryAfterHeader = "x-acs-retry-after";

    /// <summary>
    /// Whether <paramref name="error"/> refuses the request for the account's request rate: the throttling codes
    /// (<c>Throttling</c>, <c>Throttling.*</c>) and an undocumented 429. Not the per-instance refusals of the same family
    /// (<c>LastOrderProcessing</c>, <c>LastTokenProcessing</c>), which say nothing of the rate, and not the five-minute
    /// rule of ModifyInstanceSpec, which the catalog tells apart as not retryable.
    /// </summary>
    public static bool IsRateRefusal(EcsError error) =>
        error.RetryClass == EcsRetryClass.Throttled
        && (error.ErrorCode is { } code
            ? code == "Throttling" || code.StartsWith("Throttling.", StringComparison.Ordinal)
            : error.StatusCode == (System.Net.HttpStatusCode)429);

    /// <summary>
    /// The server's hint, if the answer has one: <c>x-acs-retry-after</c> (seconds), else <c>Retry-After</c> (seconds or
    /// an HTTP date, read against <paramref name="now"/>). Negative or unreadable hints are ignored.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValues(AcsRetryAfterHeader, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return headers.RetryAfter switch
        {
            { Delta: { } delta } when delta >= TimeSpan.Zero => delta,
            { Date: { } date } when date >= now => date - now,
            { Date: not null } => TimeSpan.Zero,
            _ => null,
        };
    }
}
