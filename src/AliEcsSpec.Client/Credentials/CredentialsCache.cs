using AliEcsSpec.Client.Diagnostics;
using Microsoft.Extensions.Logging;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// Keeps temporary credentials and refreshes them before they expire. One fetch at a time, shared by every caller
/// (its result, success or failure, reaches them all) and running on the cache's own time limit, so that one
/// caller's short timeout or cancellation cannot abort it for the others. While a still-valid set exists, callers
/// keep using it during a refresh; a failed refresh keeps serving it and logs a warning; an expired set is never
/// returned.
/// </summary>
internal sealed class CredentialsCache
{
    /// <summary>How long before expiry a refresh starts (or half the lifetime, for short-lived sets).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(3);

    /// <summary>How long one fetch may take, whoever is waiting for it.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    private readonly Func<CancellationToken, Task<AlibabaCloudCredentials>> _fetch;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _source;
    private readonly object _gate = new();
    private Entry? _current;
    private Task<AlibabaCloudCredentials>? _inflight;

    public CredentialsCache(Func<CancellationToken, Task<AlibabaCloudCredentials>> fetch, TimeProvider time, ILogger logger, string source)
    {
        _fetch = fetch;
        _time = time;
        _logger = logger;
        _source = source;
    }

    public ValueTask<AlibabaCloudCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var current = Volatile.Read(ref _current);
        if (current is not null && now < current.RefreshAt)
        {
            return new ValueTask<AlibabaCloudCredentials>(current.Credentials);
        }

        Task<AlibabaCloudCredentials> refresh;
        lock (_gate)
        {
            current = _current;
            if (current is not null && now < current.RefreshAt)
            {
                return new ValueTask<AlibabaCloudCredentials>(current.Credentials);
            }

            refresh = _inflight ??= Task.Run(FetchAsync, CancellationToken.None);
        }

        // A still-valid set serves this call while the refresh runs; otherwise wait for the shared fetch, but only
        // as long as this caller wants to.
        return current is not null && now < current.Expiration && !refresh.IsCompleted
            ? new ValueTask<AlibabaCloudCredentials>(current.Credentials)
            : new ValueTask<AlibabaCloudCredentials>(refresh.WaitAsync(cancellationToken));
    }

    private async Task<AlibabaCloudCredentials> FetchAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(FetchTimeout, _time);
            var fresh = await _fetch(timeout.Token).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var entry = Entry.For(fresh, now);
            if (now >= entry.Expiration)
            {
                throw new EcsCredentialsException(
                    $"{_source}: the credentials it returned expired at {entry.Expiration:O}, before they could be used (is this machine's clock right?).");
            }

            Volatile.Write(ref _current, entry);
            return fresh;
        }
        catch (Exception exception)
        {
            var current = Volatile.Read(ref _current);
            var reason = exception is EcsCredentialsException ? exception.Message : exception.GetType().Name;
            if (current is not null && _time.GetUtcNow() < current.Expiration)
            {
                Log.CredentialsRefreshFailed(_logger, _source, current.Expiration, exception.GetType().Name, reason);
                return current.Credentials;
            }

            // Only the library's own messages are quoted: another provider's exception text is not ours to vouch for.
            throw exception as EcsCredentialsException
                  ?? new EcsCredentialsException($"{_source}: could not get credentials ({reason}).", exception);
        }
        finally
        {
            lock (_gate)
            {
                _inflight = null;
            }
        }
    }

    /// <summary>A set with the moments it must be refreshed and stops working.</summary>
    private sealed record Entry(AlibabaCloudCredentials Credentials, DateTimeOffset RefreshAt, DateTimeOffset Expiration)
    {
        public static Entry For(AlibabaCloudCredentials credentials, DateTimeOffset now)
        {
            if (credentials.Expiration is not { } expiration)
            {
                return new Entry(credentials, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue);
            }

            // Short-lived sets refresh at half their remaining life, so that they are not fetched again on every call.
            var margin = TimeSpan.FromTicks(Math.Min(RefreshMargin.Ticks, Math.Max(0, (expiration - now).Ticks / 2)));
            return new Entry(credentials, expiration - margin, expiration);
        }
    }
}
