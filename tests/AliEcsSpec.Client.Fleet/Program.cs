// A console tool has no synchronization context to avoid, so ConfigureAwait adds nothing here.
#pragma warning disable CA2007

using System.CommandLine;
using System.Globalization;
using AliEcsSpec.Client.Fleet;
using AliEcsSpec.Client.Resilience.RateLimiting;

// The fleet benchmark: bash build/fleet.sh [--instances N] [--rate R…] [--burst B] [--callers C…] [--mode M] [--check]
// [--results FILE]. Without --rate and --callers it runs the matrix R ∈ {20, 50, 100} × C ∈ {4, 16, 64, 256},
// N = 20·R, and writes docs/fleet-results.md. --check exits 1 on any failed call or instance changed twice (CI).
var instances = new Option<int?>("--instances") { Description = "Pay-as-you-go instances to resize, one call each (default 20·R).", HelpName = "N" };
var rates = new Option<double[]>("--rate") { Description = "The emulator's throttling rate(s), requests per second.", HelpName = "R", AllowMultipleArgumentsPerToken = true };
var burst = new Option<int>("--burst") { Description = "The emulator's throttling burst.", HelpName = "B", DefaultValueFactory = _ => 10 };
var callers = new Option<int[]>("--callers") { Description = "Concurrent callers sharing one client (one run per value).", HelpName = "C", AllowMultipleArgumentsPerToken = true };
var mode = new Option<RateLimitMode>("--mode") { Description = "The client's RateLimit:Mode.", HelpName = "M", DefaultValueFactory = _ => RateLimitMode.Adaptive };
var check = new Option<bool>("--check") { Description = "Exit 1 on any failed call or instance changed twice." };
var results = new Option<string?>("--results") { Description = "Write the table to FILE (default for the matrix: docs/fleet-results.md).", HelpName = "FILE" };
var root = new RootCommand("Resizes a fleet through one client against the emulator's throttling, and measures it.")
{
    instances, rates, burst, callers, mode, check, results,
};
root.SetAction(async parsed =>
{
    var matrix = parsed.GetValue(rates) is not { Length: > 0 } && parsed.GetValue(callers) is not { Length: > 0 };
    double[] rateValues = parsed.GetValue(rates) is { Length: > 0 } r ? r : matrix ? [20, 50, 100] : [50];
    int[] callerValues = parsed.GetValue(callers) is { Length: > 0 } c ? c : matrix ? [4, 16, 64, 256] : [16];
    var rows = new List<FleetResult>();
    Console.WriteLine(FleetResult.TableHeader);
    foreach (var rate in rateValues)
    {
        foreach (var callerCount in callerValues)
        {
            var settings = new FleetSettings(parsed.GetValue(instances) ?? (int)Math.Round(20 * rate), rate, parsed.GetValue(burst), callerCount, parsed.GetValue(mode));
            var result = await FleetRun.RunAsync(settings);
            rows.Add(result);
            Console.WriteLine(result.TableRow());
        }
    }

    var file = parsed.GetValue(results) ?? (matrix ? Path.Combine("docs", "fleet-results.md") : null);
    if (file is not null)
    {
        await File.WriteAllTextAsync(file, ResultsDocument.Render(rows));
        Console.WriteLine($"written to {file}");
    }

    var broken = rows.Where(row => row.Failed > 0 || row.ChangedTwice > 0).ToList();
    if (parsed.GetValue(check) && broken.Count > 0)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet check failed: {broken.Count} run(s) with failed calls or instances changed twice"));
        return 1;
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();
