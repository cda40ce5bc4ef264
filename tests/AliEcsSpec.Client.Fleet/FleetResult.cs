using System.Globalization;

namespace AliEcsSpec.Client.Fleet;

/// <summary>What one run measured.</summary>
/// <param name="Settings">The run.</param>
/// <param name="Wall">From the first call to the last answer.</param>
/// <param name="Failures">Failed calls by reason (exception type and error code).</param>
/// <param name="Attempts">Attempts the emulator received (its request log).</param>
/// <param name="Throttled">Attempts the emulator answered with throttling.</param>
/// <param name="P50">Median call latency.</param>
/// <param name="P99">99th-percentile call latency.</param>
/// <param name="ChangedTwice">Instances the emulator changed more than once.</param>
internal sealed record FleetResult(
    FleetSettings Settings, TimeSpan Wall, IReadOnlyDictionary<string, int> Failures, int Attempts, int Throttled, TimeSpan P50, TimeSpan P99, int ChangedTwice)
{
    public int Failed => Failures.Values.Sum();

    public double Ratio => Wall / Settings.Ideal;

    public double ThrottledShare => Attempts == 0 ? 0 : (double)Throttled / Attempts;

    public const string TableHeader =
        "| mode | R | burst | C | N | wall | wall / (N/R) | failed calls | attempts / call | throttled attempts | p50 | p99 | changed twice |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public string TableRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Settings.Mode} | {Settings.Rate:0.##} | {Settings.Burst} | {Settings.Callers} | {Settings.Instances} | {Wall.TotalSeconds:F2} s | {Ratio:F3}× | " +
        $"{FailuresText()} | {(double)Attempts / Settings.Instances:F3} | {Throttled} ({ThrottledShare:P1}) | {P50.TotalMilliseconds:F0} ms | {P99.TotalMilliseconds:F0} ms | {ChangedTwice} |");

    private string FailuresText() => Failed == 0
        ? "0"
        : string.Join(", ", Failures.OrderByDescending(f => f.Value).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Value} {f.Key}")));
}
