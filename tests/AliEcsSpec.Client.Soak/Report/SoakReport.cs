using System.Globalization;
using AliEcsSpec.Client.Soak.Audit;
using AliEcsSpec.Client.Soak.Calls;
using AliEcsSpec.Client.Soak.Faults;
using AliEcsSpec.Client.Soak.Fleet;
using AliEcsSpec.Client.Soak.Workflow;
using AliEcsSpec.Client.Resilience;

namespace AliEcsSpec.Client.Soak.Report;

/// <summary>
/// The figures of one run as plain aligned text (easy to paste into a README), and whether every required zero is
/// zero. Everything needed to replay the run comes first.
/// </summary>
internal sealed class SoakReport
{
    private const int LabelWidth = 56;

    /// <summary>The reason the client gives when the retry budget refused a retry (<c>EcsError.NotRetriedBecause</c>).</summary>
    private const string BudgetRefusal = "retry budget";

    public required SoakSettings Settings { get; init; }

    public required SoakFleet Fleet { get; init; }

    public required IReadOnlyDictionary<(string Action, TokenSource TokenSource), int> Shape { get; init; }

    public required FaultMix Mix { get; init; }

    /// <summary>How far the STS client's clock runs ahead of the emulator's.</summary>
    public required TimeSpan ClockSkew { get; init; }

    public required IReadOnlyList<CallOutcome> Outcomes { get; init; }

    public required SoakAudit Audit { get; init; }

    /// <summary>Attempts the wire recorder could not file under a call: must be 0, or the attempt counts lie.</summary>
    public required int AttemptsOutsideAnyCall { get; init; }

    /// <summary>Tokens left in the process-wide retry budget at the end.</summary>
    public required int BudgetLeft { get; init; }

    public required TimeSpan WallTime { get; init; }

    /// <summary>The workflow phase: resize plans under the same faults.</summary>
    public required WorkflowSoakResult Workflow { get; init; }

    public required TimeSpan WorkflowWallTime { get; init; }

    public required int LinesScanned { get; init; }

    public required int SignaturesSearched { get; init; }

    /// <summary>How many kept texts contain a secret.</summary>
    public required int Leaks { get; init; }

    /// <summary>The first texts that contain a secret, with the secret replaced.</summary>
    public required IReadOnlyList<string> LeakExamples { get; init; }

    /// <summary>Whether the secrets scan found a planted secret (without that, zero leaks would prove nothing).</summary>
    public required bool ScanWorks { get; init; }

    /// <summary>Calls that ended with a retryable failure because the retry budget refused the retry.</summary>
    public int RefusedByBudget => Outcomes.Count(o => o.Error?.NotRetriedBecause?.Contains(BudgetRefusal, StringComparison.Ordinal) == true);

    /// <summary>
    /// Whether every required zero is zero, and the soak's checks of itself hold: every change carries a token (or
    /// duplicates could hide), every attempt was filed under its call, and the secrets scan finds a planted secret.
    /// </summary>
    public bool Passed =>
        Audit.DuplicateChanges + Audit.DuplicateOrders == 0
        && Audit.EndedUntyped == 0
        && Audit.Disagreements.Count == 0
        && Leaks == 0
        && Audit.ChangesWithoutToken == 0
        && AttemptsOutsideAnyCall == 0
        && Workflow.Passed
        && ScanWorks;

    public void Print(TextWriter output)
    {
        var calls = Outcomes.Count;
        var failures = Outcomes.Where(o => !o.Succeeded).ToList();
        var attempts = Audit.AttemptsPerCall;
        var received = Audit.EmulatorRequests;
        var faults = Audit.FaultsByKind.Values.Sum();
        var latencies = Outcomes.Select(o => o.Elapsed.TotalMilliseconds).Order().ToList();

        output.WriteLine("AliEcsSpec.Client fault soak");
        Section(output, "Run");
        Row(output, "seed", Settings.Seed);
        Row(output, "replay", Settings.ReplayCommand);
        Row(output, "calls", $"{calls} from {Settings.Callers} concurrent callers");
        Row(output, "  ModifyPrepayInstanceSpec / ModifyInstanceSpec", $"{Count(Actions.Prepay, null)} / {Count(Actions.PayAsYouGo, null)}");
        Row(output, "  ClientToken given by the caller / generated", $"{Count(null, TokenSource.CallerGiven)} / {Count(null, TokenSource.Generated)}");
        Row(output, "fleet", $"{Fleet.Prepaid.Count} prepaid + {Fleet.PayAsYouGo.Count} pay-as-you-go instances, one caller each");
        Row(output, "clients", "2 (odd callers use the second), retries on");
        Row(output, "  1st", "AccessKey, clock right");
        Row(output, "  2nd", string.Create(CultureInfo.InvariantCulture, $"STS AccessKey + SecurityToken, clock {ClockSkew.TotalMinutes:0} min fast"));
        Row(output, "retry settings", string.Create(CultureInfo.InvariantCulture,
            $"MaxAttempts {EcsRetryOptions.DefaultMaxAttempts}, BaseDelay {Ms(SoakSettings.BaseDelay)}, ThrottlingBaseDelay {Ms(SoakSettings.ThrottlingBaseDelay)}, MaxDelay {Ms(SoakSettings.MaxDelay)}"));
        Row(output, "time-outs", $"AttemptTimeout {Ms(SoakSettings.AttemptTimeout)}, TotalTimeout {Ms(SoakSettings.TotalTimeout)}, watchdog {Ms(SoakSettings.Watchdog)} per call");

        Section(output, "Faults (emulator request log)");
        Row(output, "fault rate", string.Create(CultureInfo.InvariantCulture, $"{Settings.FaultRate} per attempt, each of 6 kinds equally likely"));
        foreach (var (name, _) in Mix.Kinds)
        {
            Row(output, "  " + name, Audit.FaultsByKind.GetValueOrDefault(name));
        }

        Row(output, "refused for the 2nd client's fast clock (not drawn)", Audit.RefusedForClockSkew);
        Row(output, "slow replies the client timed out on", $"{Audit.SlowRepliesAbandoned} of {Audit.FaultsByKind.GetValueOrDefault(Mix.SlowReply)}");
        Row(output, "faults injected / attempts received", $"{faults} / {received} ({Percent(faults, received)})");
        Row(output, "fault digest of first attempts (fixed by the seed)", Audit.FirstAttemptDigest);
        Row(output, "fault digest of every attempt made", Audit.FaultDigest);

        Section(output, "Outcomes");
        Row(output, "succeeded", $"{calls - failures.Count} ({Percent(calls - failures.Count, calls)})");
        Row(output, "failed with a typed EcsException", failures.Count(o => o.Failure is not null));
        foreach (var group in failures.Where(o => o.Failure is not null).GroupBy(o => o.FailureLabel).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            // Count first: the labels (an error code, or what became of an attempt that got no answer) vary in length.
            var business = group.First().IsBusinessError ? " (business error)" : string.Empty;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {group.Count(),6}  {group.Key}{business}"));
        }

        Row(output, "business errors (refused by the service's rules)", failures.Count(o => o.IsBusinessError));

        Row(output, "applied but reported failed, learnable by token", Audit.AppliedButReportedFailed);

        Section(output, "Attempts");
        Row(output, "attempts per call, mean / max", string.Create(CultureInfo.InvariantCulture, $"{attempts.Average():0.00} / {attempts.Max()}"));
        Row(output, "calls by attempts", string.Join(", ", attempts.GroupBy(a => a).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}: {g.Count()}"))));
        Row(output, "retries", attempts.Sum(a => Math.Max(0, a - 1)));
        Row(output, "retries refused by the budget", $"{RefusedByBudget} (budget left at the end: {BudgetLeft} of {RetryBudget.Capacity})");
        Row(output, "attempts sent / received by the emulator", $"{attempts.Sum()} / {attempts.Sum() - Audit.AttemptsNotReceived}");

        Section(output, "Time");
        Row(output, "latency of a logical call, p50 / p99 / max", string.Create(
            CultureInfo.InvariantCulture, $"{Percentile(latencies, 0.50):0.0} ms / {Percentile(latencies, 0.99):0.0} ms / {latencies[^1]:0.0} ms"));
        Row(output, "total wall time", string.Create(CultureInfo.InvariantCulture, $"{WallTime.TotalSeconds:0.0} s ({calls / WallTime.TotalSeconds:0} calls/s)"));

        Section(output, "Secrets");
        Row(output, "lines scanned", $"{LinesScanned} (log lines, activity tags, exception and result texts)");
        Row(output, "values searched", $"2 AccessKey secrets, 1 SecurityToken, {SignaturesSearched} Signatures");
        Row(output, "a planted secret is found by the same scan", ScanWorks ? "yes" : "NO (the scan is blind)");

        Section(output, "Resize workflow (ResizeInstanceAsync, same fault rate)");
        Row(output, "plans (instances resized)", $"{Workflow.Plans} in {WorkflowWallTime.TotalSeconds:0.0} s");
        Row(output, "succeeded at the first try", Workflow.SucceededFirstTry);
        Row(output, "succeeded when the same plan ran again", Workflow.SucceededAfterRerun);
        Row(output, $"failed all {WorkflowSoak.TriesPerPlan} tries", Workflow.FailedEveryTry);
        foreach (var (type, count) in Workflow.FailuresByType.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            Row(output, "  tries that failed with " + type, count);
        }

        Section(output, "Required zeros");
        Row(output, "duplicate orders or changes per ClientToken", Audit.DuplicateOrders + Audit.DuplicateChanges);
        Row(output, "calls ending in neither success nor a typed EcsException", $"{Audit.EndedUntyped} (hung: {Audit.Hung})");
        Row(output, "outcomes that disagree with the emulator", Audit.Disagreements.Count);
        Row(output, "secret leaks", Leaks);
        Row(output, "resize plans with a second order or change", Workflow.DoubleOrders);
        Row(output, "resize tries ending untyped", Workflow.EndedUntyped);
        Row(output, "instances left stopped without a typed error saying so", Workflow.LeftStoppedUnreported);
        Row(output, "resize plans that succeeded but end elsewhere", Workflow.SucceededButWrongEnd);
        // The soak's checks of itself: shown only when they fail, since then the figures above cannot be trusted.
        if (Audit.ChangesWithoutToken != 0)
        {
            Row(output, "changes made without a ClientToken (unauditable)", Audit.ChangesWithoutToken);
        }

        if (AttemptsOutsideAnyCall != 0)
        {
            Row(output, "attempts the soak could not file under a call", AttemptsOutsideAnyCall);
        }

        Details(output, "Disagreements", Audit.Disagreements);
        Details(output, "Calls ending untyped", [.. Outcomes.Where(o => o.EndedUntyped).Select(o => $"call #{o.Call.Index}: {o.FailureLabel} {o.Untyped?.Message}")]);
        Details(output, "Leaks", LeakExamples, Leaks);
        Details(output, "Resize findings", Workflow.Findings);
        output.WriteLine();
        output.WriteLine(Passed ? "PASS: every required zero is zero." : "FAIL: a required zero is not zero (see above). Replay: " + Settings.ReplayCommand);
    }

    private int Count(string? action, TokenSource? tokenSource) =>
        Shape.Where(s => (action is null || s.Key.Action == action) && (tokenSource is null || s.Key.TokenSource == tokenSource)).Sum(s => s.Value);

    private static void Section(TextWriter output, string title)
    {
        output.WriteLine();
        output.WriteLine(title);
    }

    private static void Row(TextWriter output, string label, object value) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label.PadRight(LabelWidth)} {value}"));

    private static void Details(TextWriter output, string title, IReadOnlyList<string> lines, int? total = null)
    {
        if (lines.Count == 0)
        {
            return;
        }

        Section(output, string.Create(CultureInfo.InvariantCulture, $"{title} (first {Math.Min(20, lines.Count)} of {total ?? lines.Count})"));
        foreach (var line in lines.Take(20))
        {
            output.WriteLine("  " + line);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms");

    private static string Percent(int part, int whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{(whole == 0 ? 0 : 100.0 * part / whole):0.00} %");
}
