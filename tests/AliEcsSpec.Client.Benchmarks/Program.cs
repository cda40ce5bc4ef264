using AliEcsSpec.Client.Benchmarks.Cases;
using AliEcsSpec.Client.Benchmarks.Paired;
using AliEcsSpec.Client.Benchmarks.Results;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release -- [--short] [--results <RESULTS.md>] [BenchmarkDotNet arguments, e.g. --filter *Call*]
// --short runs each case with BenchmarkDotNet's short job (1 launch, 3 warm-ups, 3 iterations), as build/bench.sh does;
// the call and 16-caller cases ask for more launches, warm-ups or iterations through their attributes.
// --results writes the Markdown table and the budget checks; the exit code is 1 when a budget is not met. When the
// loopback call cases ran, they are measured once more, interleaved in this process, and that judges their time budget.
var arguments = args.ToList();
var shortRun = arguments.Remove("--short");
string? resultsPath = null;
var resultsAt = arguments.IndexOf("--results");
if (resultsAt >= 0)
{
    resultsPath = arguments[resultsAt + 1];
    arguments.RemoveRange(resultsAt, 2);
}

if (!arguments.Contains("--filter"))
{
    arguments.AddRange(["--filter", "*"]);
}

var config = DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary);
if (shortRun)
{
    config = config.AddJob(Job.ShortRun.WithId("short"));
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. arguments], config).ToList();
if (resultsPath is null)
{
    return 0;
}

// When the loopback call cases ran, they run once more interleaved, for the time budget (see InterleavedLoopbackCalls).
var loopbackCallsRan = summaries.SelectMany(s => s.Reports).Any(r =>
    r.BenchmarkCase.Descriptor.Type == typeof(CallBenchmarks) &&
    r.BenchmarkCase.Parameters.Items.Any(p => p.Name == nameof(CallBenchmarks.Transport) && Equals(p.Value, Transports.Loopback)));
InterleavedResult? interleaved = null;
if (loopbackCallsRan)
{
    Console.WriteLine("Interleaved loopback calls: measuring...");
    interleaved = await InterleavedLoopbackCalls.MeasureAsync();
}

var table = ResultsTable.From(summaries, interleaved);
await File.WriteAllTextAsync(resultsPath, table.ToMarkdown());
Console.WriteLine(table.BudgetReport());
return table.AllBudgetsMet ? 0 : 1;
