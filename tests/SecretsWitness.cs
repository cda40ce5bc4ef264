using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Tests;

/// <summary>
/// Keeps every text through which the client could leak a secret: each log line (its message, its values, its scopes
/// and its exception), each tag and event tag of the client's activities, and each exception text handed to
/// <see cref="Witness(Exception)"/>; then says which of them contain a secret. Thread-safe, so that a soak's
/// concurrent callers can share one.
/// </summary>
/// <remarks>
/// The activity listener is process-wide, so activities of other tests running at the same time are kept too. That
/// only widens the scan: the secrets searched for are the caller's own.
/// </remarks>
internal sealed class SecretsWitness : ILoggerProvider
{
    private const string ClientSource = "AliEcsSpec.Client";

    /// <summary>How many leading characters of a secret index it for <see cref="Leaks"/>.</summary>
    private const int PrefixLength = 4;

    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ActivityListener _listener;

    public SecretsWitness()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ClientSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Keep,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>How many texts were kept so far.</summary>
    public int LinesKept => _lines.Count;

    /// <summary>A logger factory (every level) whose loggers write to this witness.</summary>
    public ILoggerFactory CreateLoggerFactory() =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    /// <summary>Keeps an exception's whole text (type, message, inner exceptions and stack).</summary>
    public void Witness(Exception exception) => _lines.Enqueue(exception.ToString());

    /// <summary>Keeps any other text the caller could see, such as a result's or an error's <c>ToString()</c>.</summary>
    public void Witness(string text) => _lines.Enqueue(text);

    /// <summary>Each kept text that contains one of <paramref name="secrets"/> (ordinal), with the secret's index.</summary>
    /// <remarks>
    /// A soak signs thousands of requests and every signature is a secret, so searching each text once per secret
    /// would take minutes. The secrets are indexed by their first four characters instead, and each position of each
    /// text is looked at once; a secret shorter than that is searched for directly.
    /// </remarks>
    public IReadOnlyList<string> Leaks(IReadOnlyList<string> secrets)
    {
        var byPrefix = new Dictionary<ulong, List<int>>();
        var shortSecrets = new List<int>();
        for (var i = 0; i < secrets.Count; i++)
        {
            if (secrets[i].Length >= PrefixLength)
            {
                var prefix = Prefix(secrets[i]);
                if (!byPrefix.TryGetValue(prefix, out var same))
                {
                    byPrefix[prefix] = same = [];
                }

                same.Add(i);
            }
            else if (secrets[i].Length > 0)
            {
                shortSecrets.Add(i);
            }
        }

        var leaks = new List<string>();
        var found = new SortedSet<int>();
        foreach (var line in _lines)
        {
            found.Clear();
            foreach (var i in shortSecrets)
            {
                if (line.Contains(secrets[i], StringComparison.Ordinal))
                {
                    found.Add(i);
                }
            }

            var text = line.AsSpan();
            for (var at = 0; at + PrefixLength <= text.Length; at++)
            {
                if (byPrefix.TryGetValue(Prefix(text[at..]), out var candidates))
                {
                    foreach (var i in candidates)
                    {
                        if (text[at..].StartsWith(secrets[i], StringComparison.Ordinal))
                        {
                            found.Add(i);
                        }
                    }
                }
            }

            foreach (var i in found)
            {
                leaks.Add(string.Create(CultureInfo.InvariantCulture, $"secret #{i} in: {line}"));
            }
        }

        return leaks;
    }

    public ILogger CreateLogger(string categoryName) => new WitnessLogger(this);

    public void Dispose() => _listener.Dispose();

    private static ulong Prefix(ReadOnlySpan<char> text) =>
        text[0] | ((ulong)text[1] << 16) | ((ulong)text[2] << 32) | ((ulong)text[3] << 48);

    private void Keep(Activity activity)
    {
        foreach (var tag in activity.TagObjects)
        {
            _lines.Enqueue($"{tag.Key}={tag.Value}");
        }

        foreach (var activityEvent in activity.Events)
        {
            foreach (var tag in activityEvent.Tags)
            {
                _lines.Enqueue($"{activityEvent.Name} {tag.Key}={tag.Value}");
            }
        }

        _lines.Enqueue($"{activity.DisplayName} {activity.StatusDescription}");
    }

    private sealed class WitnessLogger(SecretsWitness witness) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            witness._lines.Enqueue($"scope {state} {Values(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            witness._lines.Enqueue($"{logLevel} {eventId} {formatter(state, exception)} {Values(state)} {exception}");
        }

        private static string Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"))
                : string.Empty;
    }
}
