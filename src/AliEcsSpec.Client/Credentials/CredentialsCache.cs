using AliEcsSpec.Client.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// Keeps temporary credentials and refreshes them before they expire: one refresh at a time however many callers
/// arrive (the others keep using the still-valid set, or wait for the refresh when there is none); a failed refresh
/// while the old set is still valid keeps serving it and logs a warning; an expired set is never returned.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability", "CA1001", Justification = "SemaphoreSlim only needs disposing when its wait handle is used; this one's never is.")]
internal sealed class CredentialsCache
{
    /// <summary>How long before expiry a refresh starts.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(3);

    private readonly Func<CancellationToken, Task<AlibabaCloudCredentials>> _fetch;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _source;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AlibabaCloudCredentials? _current;

    public CredentialsCache(Func<CancellationToken, Task<AlibabaCloudCredentials>> fetch, TimeProvider time, ILogger logger, string source)
    {
        _fetch = fetch;
        _time = time;
        _logger = logger;
        _source = source;
    }

    public ValueTask<AlibabaCloudCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && IsFresh(current, _time.GetUtcNow())
            ? new ValueTask<AlibabaCloudCredentials>(current)
            : new ValueTask<AlibabaCloudCredentials>(RefreshAsync(cancellationToken));
    }

    private static bool IsFresh(AlibabaCloudCredentials credentials, DateTimeOffset now) =>
        credentials.Expiration is not { } expiration || now < expiration - RefreshMargin;

    private static bool IsValid(AlibabaCloudCredentials credentials, DateTimeOffset now) =>
        credentials.Expiration is not { } expiration || now < expiration;

    private async Task<AlibabaCloudCredentials> RefreshAsync(CancellationToken cancellationToken)
    {
        var stale = Volatile.Read(ref _current);
        if (stale is not null && IsValid(stale, _time.GetUtcNow()))
        {
            if (!await _refresh.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            {
                // Someone else is refreshing and the current set still works: no need to wait for them.
                return stale;
            }
        }
        else
        {
            await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var now = _time.GetUtcNow();
            var current = Volatile.Read(ref _current);
            if (current is not null && IsFresh(current, now))
            {
                return current;
            }

            try
            {
                var fresh = await _fetch(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _current, fresh);
                return fresh;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (current is not null && IsValid(current, _time.GetUtcNow()))
                {
                    Log.CredentialsRefreshFailed(_logger, _source, current.Expiration!.Value, exception.GetType().Name, exception.Message);
                    return current;
                }

                throw exception as EcsCredentialsException
                      ?? new EcsCredentialsException($"{_source}: could not get credentials ({exception.GetType().Name}: {exception.Message})", exception);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }
}
