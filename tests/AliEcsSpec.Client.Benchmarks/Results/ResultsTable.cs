using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using AliEcsSpec.Client.Benchmarks.Cases;
using AliEcsSpec.Client.Benchmarks.Paired;
using BenchmarkDotNet.Reports;

namespace AliEcsSpec.Client.Benchmarks.Results;

/// <summary>
/// Turns BenchmarkDotNet's summaries into the committed table (case, mean, allocated, ratio to the floor) and checks
/// the performance budgets against it, so that the budgets are read off measurements, never off timed unit tests.
/// </summary>
internal sealed class ResultsTable
{
    private const double Kilobyte = 1024;

    /// <summary>
    /// A time ratio is judged only when its budget line lies outside this many standard errors of the ratio: the
    /// loopback cases share this machine's two cores with their server, and a neighbour's load can shift one case by a
    /// third half-way through its iterations, which would otherwise flip a verdict either way.
    /// </summary>
    private const double StandardErrors = 2;

    private readonly List<Row> _rows;
    private readonly List<Budget> _budgets;
    private readonly string? _throughput;
    private readonly InterleavedResult? _interleaved;

    private ResultsTable(List<Row> rows, InterleavedResult? interleaved)
    {
        _rows = rows;
        _interleaved = interleaved;
        _budgets = CheckBudgets(rows, interleaved);
        _throughput = DescribeThroughput(rows);
    }

    public bool AllBudgetsMet => _budgets.TrueForAll(b => b.Verdict == Verdict.Met);

    /// <param name="summaries">BenchmarkDotNet's summaries.</param>
    /// <param name="interleaved">The interleaved loopback measurement, which judges the loopback time budgets when given.</param>
    public static ResultsTable From(IEnumerable<Summary> summaries, InterleavedResult? interleaved)
    {
        var rows = new List<Row>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is not { } statistics)
            {
                continue;
            }

            var benchmark = report.BenchmarkCase;
            var transport = benchmark.Parameters.Items.FirstOrDefault(p => p.Name == nameof(CallBenchmarks.Transport))?.Value as string;
            rows.Add(new Row(
                benchmark.Descriptor.Type.Name,
                benchmark.Descriptor.WorkloadMethod.Name,
                benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                transport ?? (benchmark.Descriptor.Type == typeof(ConcurrencyBenchmarks) ? Transports.Loopback : "—"),
                statistics.Mean,
                statistics.StandardDeviation,
                statistics.N,
                report.GcStats.GetBytesAllocatedPerOperation(benchmark) ?? 0));
        }

        return new ResultsTable(rows, interleaved);
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results");
        text.AppendLine();
        text.AppendLine(Invariant($"Written by `build/bench.sh` on {DateTimeOffset.UtcNow:yyyy-MM-dd} (BenchmarkDotNet short job: 1 launch of 3 warm-ups and 3 iterations for the components, 3 launches of 6 and 15 for single calls, 1 launch of 12 and 10 for 16 callers)."));
        text.AppendLine(Invariant($"Machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}."));
        text.AppendLine();
        text.AppendLine("Ratios are to the floor of the same table and transport: an `HttpClient` POST of a presigned body and reading the answer.");
        text.AppendLine("In memory, the answer comes from an `HttpMessageHandler` (client-side cost only); on loopback, from Kestrel on 127.0.0.1.");
        text.AppendLine();
        text.AppendLine("| case | transport | mean | spread (SD) | allocated | time / floor | allocated − floor |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in _rows)
        {
            var floor = FloorOf(_rows, row);
            text.AppendLine(Invariant(
                $"| {row.Description} | {row.Transport} | {Time(row.MeanNs)} | {row.Spread:0%} | {Bytes(row.AllocatedBytes)} | {(floor is null ? "—" : (row.MeanNs / floor.MeanNs).ToString("0.00", CultureInfo.InvariantCulture) + "×")} | {(floor is null ? "—" : SignedBytes(row.AllocatedBytes - floor.AllocatedBytes))} |"));
        }

        text.AppendLine();
        text.AppendLine("## Budgets");
        text.AppendLine();
        text.AppendLine(Invariant($"A time ratio is judged only when its budget line lies outside {StandardErrors:0} standard errors of the ratio; otherwise the run was too noisy to tell, and is to be repeated on a quiet machine. Over loopback the ratio judged is the interleaved one (below), whose rounds pair each case with the floor measured moments before or after it; the ratio of the table above compares cases measured in separate processes minutes apart."));
        text.AppendLine();
        text.AppendLine("| budget | measured | met |");
        text.AppendLine("|---|---|:---:|");
        foreach (var budget in _budgets)
        {
            text.AppendLine(Invariant($"| {budget.Rule} | {budget.Measured} | {budget.Verdict switch { Verdict.Met => "yes", Verdict.NotMet => "**no**", _ => "**noisy: rerun**" }} |"));
        }

        if (_interleaved is not null)
        {
            text.AppendLine();
            text.AppendLine("## Interleaved loopback calls");
            text.AppendLine();
            text.AppendLine(Invariant($"The loopback call cases again, in one process: {InterleavedLoopbackCalls.WarmupRounds} rounds thrown away, then {_interleaved.Rounds} rounds of {InterleavedLoopbackCalls.CallsPerBlock} calls per case, the order rotating each round. The ratio is the geometric mean of each round's ratio to that round's floor, with {StandardErrors:0} standard errors of the rounds either side."));
            text.AppendLine();
            text.AppendLine("| case | mean | time / floor (interval) |");
            text.AppendLine("|---|---:|---:|");
            foreach (var measured in _interleaved.Cases)
            {
                var description = _rows.Find(r => r.Table == nameof(CallBenchmarks) && r.Method == measured.Method)?.Description ?? measured.Method;
                var (low, high) = measured.Interval(StandardErrors);
                text.AppendLine(Invariant($"| {description} | {Time(measured.MeanNs)} | {measured.Ratio:0.00}× ({low:0.00}–{high:0.00}) |"));
            }
        }

        if (_throughput is not null)
        {
            text.AppendLine();
            text.AppendLine("## Reported, not budgeted");
            text.AppendLine();
            text.AppendLine("On two cores the 16 callers and the Kestrel server they call share the CPU, so this ratio measures the machine as much as the client.");
            text.AppendLine();
            text.AppendLine(Invariant($"- {_throughput}"));
        }

        return text.ToString();
    }

    public string BudgetReport() =>
        string.Join(
            Environment.NewLine,
            _budgets.Select(b => Invariant($"{b.Verdict switch { Verdict.Met => "met    ", Verdict.NotMet => "NOT MET", _ => "NOISY  " }}  {b.Rule}: {b.Measured}"))
                .Concat(_throughput is null ? [] : [Invariant($"report   {_throughput}")]));

    private static List<Budget> CheckBudgets(List<Row> rows, InterleavedResult? interleaved)
    {
        var budgets = new List<Budget>();
        foreach (var transport in new[] { Transports.InMemory, Transports.Loopback })
        {
            var floor = Find(rows, nameof(CallBenchmarks), nameof(CallBenchmarks.Floor), transport);
            var naive = Find(rows, nameof(CallBenchmarks), nameof(CallBenchmarks.MinimalSigner), transport);
            foreach (var method in new[] { nameof(CallBenchmarks.ModifyInstanceSpec), nameof(CallBenchmarks.ModifyPrepayInstanceSpec) })
            {
                if (floor is null || naive is null || Find(rows, nameof(CallBenchmarks), method, transport) is not { } client)
                {
                    continue;
                }

                if (transport == Transports.Loopback)
                {
                    // The time budget is a share of a real call; in memory there is no call to share it with.
                    var rule = Invariant($"{method} ({transport}): mean within 1.25× the floor");
                    var apart = Invariant($"{Time(client.MeanNs)} vs {Time(floor.MeanNs)} = {client.MeanNs / floor.MeanNs:0.00}×{Spreads(floor, client, client.MeanNs / floor.MeanNs)}");
                    if (interleaved?.Find(method) is { } paired)
                    {
                        var (low, high) = paired.Interval(StandardErrors);
                        budgets.Add(new Budget(
                            rule,
                            Invariant($"interleaved: {paired.Ratio:0.00}× ({low:0.00}–{high:0.00}) over {interleaved.Rounds} rounds; BenchmarkDotNet, cases apart: {apart}"),
                            Judge(low, high, 1.25)));
                    }
                    else
                    {
                        budgets.Add(new Budget(rule, apart, JudgeAtMost(client, floor, 1.25)));
                    }
                }

                budgets.Add(new Budget(
                    Invariant($"{method} ({transport}): allocated at most the floor's + 3 KB, and below the minimal signer's"),
                    Invariant($"{Bytes(client.AllocatedBytes)} vs floor {Bytes(floor.AllocatedBytes)} (+{Bytes(client.AllocatedBytes - floor.AllocatedBytes)}), minimal signer {Bytes(naive.AllocatedBytes)}"),
                    Judge(client.AllocatedBytes <= floor.AllocatedBytes + (3 * Kilobyte) && client.AllocatedBytes < naive.AllocatedBytes)));
            }
        }

        if (Find(rows, nameof(ComponentBenchmarks), nameof(ComponentBenchmarks.Sign), "—") is { } sign)
        {
            budgets.Add(new Budget(
                "Signing a typical request: under 3 µs and under 1 KB allocated",
                Invariant($"{Time(sign.MeanNs)}, {Bytes(sign.AllocatedBytes)}"),
                Judge(sign.MeanNs < 3000 && sign.AllocatedBytes < Kilobyte)));
        }

        return budgets;
    }

    /// <summary>The 16 callers' calls per second against the floor's, with the floor's drift over the run.</summary>
    private static string? DescribeThroughput(List<Row> rows)
    {
        if (Find(rows, nameof(ConcurrencyBenchmarks), nameof(ConcurrencyBenchmarks.Floor), Transports.Loopback) is not { } floorBefore ||
            Find(rows, nameof(ConcurrencyBenchmarks), nameof(ConcurrencyBenchmarks.Client), Transports.Loopback) is not { } client16)
        {
            return null;
        }

        // The floor is measured before and after the other cases; their ratio stands only if it held still.
        var floorAfter = Find(rows, nameof(ConcurrencyBenchmarks), nameof(ConcurrencyBenchmarks.FloorAgain), Transports.Loopback);
        var floorMoved = floorAfter is not null && Math.Abs(floorBefore.MeanNs - floorAfter.MeanNs)
            > StandardErrors * Math.Sqrt(Math.Pow(floorBefore.StandardErrorNs, 2) + Math.Pow(floorAfter.StandardErrorNs, 2));
        var floor16 = floorAfter is null ? floorBefore : Row.Pooled(floorBefore, floorAfter);
        var drift = floorAfter is null ? string.Empty : Invariant($"; floor before {Time(floorBefore.MeanNs)}, after {Time(floorAfter.MeanNs)}{(floorMoved ? ", moved: the ratio does not stand" : string.Empty)}");
        // The minimal signer's ratio is what signing each call costs here at all.
        var naive16 = Find(rows, nameof(ConcurrencyBenchmarks), nameof(ConcurrencyBenchmarks.MinimalSigner), Transports.Loopback) is { } naive
            ? Invariant($" (the minimal signer: {1e9 / naive.MeanNs:0} calls/s = {floor16.MeanNs / naive.MeanNs:0.00}×)")
            : string.Empty;
        return Invariant($"16 concurrent callers (loopback), the client's calls/s to the floor's: {1e9 / client16.MeanNs:0} vs {1e9 / floor16.MeanNs:0} calls/s = {floor16.MeanNs / client16.MeanNs:0.00}×{Spreads(floor16, client16, floor16.MeanNs / client16.MeanNs)}{naive16}{drift}");
    }

    private static Row? FloorOf(List<Row> rows, Row row) =>
        rows.Find(r => r.Table == row.Table && r.Transport == row.Transport && r.Method == nameof(CallBenchmarks.Floor));

    private static Row? Find(List<Row> rows, string table, string method, string transport) =>
        rows.Find(r => r.Table == table && r.Method == method && r.Transport == transport);

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => Invariant($"{nanoseconds:0} ns"),
        < 1_000_000 => Invariant($"{nanoseconds / 1_000:0.00} µs"),
        _ => Invariant($"{nanoseconds / 1_000_000:0.00} ms"),
    };

    private static string Bytes(double bytes) => bytes < Kilobyte ? Invariant($"{bytes:0} B") : Invariant($"{bytes / Kilobyte:0.00} KB");

    private static string SignedBytes(double bytes) => (bytes < 0 ? "−" : "+") + Bytes(Math.Abs(bytes));

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var model = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Spreads(Row floor, Row client, double ratio) =>
        Invariant($" ± {StandardErrors * ratio * RelativeRatioError(floor, client):0.00} (spread: floor {floor.Spread:0%}, client {client.Spread:0%})");

    private static Verdict Judge(bool met) => met ? Verdict.Met : Verdict.NotMet;

    /// <summary>Whether <c>numerator / denominator</c> is at most <paramref name="limit"/>, told apart from noise.</summary>
    private static Verdict JudgeAtMost(Row numerator, Row denominator, double limit)
    {
        var ratio = numerator.MeanNs / denominator.MeanNs;
        var margin = StandardErrors * ratio * RelativeRatioError(numerator, denominator);
        return Judge(ratio - margin, ratio + margin, limit);
    }

    /// <summary>Whether a ratio known to lie in [<paramref name="low"/>, <paramref name="high"/>] is at most <paramref name="limit"/>.</summary>
    private static Verdict Judge(double low, double high, double limit) =>
        high <= limit ? Verdict.Met : low > limit ? Verdict.NotMet : Verdict.Noisy;

    /// <summary>The relative standard error of a ratio of two independent means (their relative errors add in quadrature).</summary>
    private static double RelativeRatioError(Row a, Row b) => Math.Sqrt((a.RelativeError * a.RelativeError) + (b.RelativeError * b.RelativeError));

    private sealed record Row(
        string Table, string Method, string Description, string Transport, double MeanNs, double StdDevNs, int Iterations, double AllocatedBytes)
    {
        /// <summary>The standard deviation of the iterations over their mean.</summary>
        public double Spread => StdDevNs / MeanNs;

        /// <summary>The standard error of the mean over the mean.</summary>
        public double RelativeError => Spread / Math.Sqrt(Iterations);

        /// <summary>The standard error of the mean.</summary>
        public double StandardErrorNs => StdDevNs / Math.Sqrt(Iterations);

        /// <summary>Two measurements of one case taken as one sample of all their iterations.</summary>
        public static Row Pooled(Row a, Row b)
        {
            var n = a.Iterations + b.Iterations;
            var mean = ((a.MeanNs * a.Iterations) + (b.MeanNs * b.Iterations)) / n;
            var squares = ((a.Iterations - 1) * a.StdDevNs * a.StdDevNs) + ((b.Iterations - 1) * b.StdDevNs * b.StdDevNs)
                + (a.Iterations * Math.Pow(a.MeanNs - mean, 2)) + (b.Iterations * Math.Pow(b.MeanNs - mean, 2));
            return a with { MeanNs = mean, StdDevNs = Math.Sqrt(squares / (n - 1)), Iterations = n };
        }
    }

    private sealed record Budget(string Rule, string Measured, Verdict Verdict);

    private enum Verdict
    {
        Met,
        NotMet,
        Noisy,
    }
}
