// Resizes a fleet of pay-as-you-go instances concurrently, with bounded parallelism, a live progress line and a
// summary of successes and typed failures. Runs against the local emulator (no account, no cost):
//   dotnet run --project samples/AliEcsSpec.Samples.FleetResize [-- --parallelism 4 --type ecs.g6.xlarge --instance ID ...]
// Exit codes: 0 when every instance was resized, 1 when any resize failed, 2 for a bad command line (usage on stderr).
using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator;
using AliEcsSpec.Samples;

// The demo fleet: twelve instances and one that does not exist.
string[] demoFleet = [.. Enumerable.Range(1, 12).Select(n => $"i-fleet-{n:000}"), "i-fleet-404"];
var parallelismOption = new Option<int>("--parallelism")
{
    Description = "How many resizes run at once.",
    HelpName = "N",
    DefaultValueFactory = _ => 4,
    CustomParser = result =>
    {
        var token = result.Tokens[0].Value;
        if (int.TryParse(token, CultureInfo.InvariantCulture, out var parallelism) && parallelism >= 1)
        {
            return parallelism;
        }

        result.AddError($"--parallelism must be a whole number of at least 1; it is {token}.");
        return 0;
    },
};
var typeOption = new Option<string>("--type") { Description = "The instance type to resize to.", HelpName = "INSTANCE_TYPE", DefaultValueFactory = _ => "ecs.g6.xlarge" };
var instanceOption = new Option<string[]>("--instance")
{
    Description = $"An instance to resize (repeatable); by default the demo fleet, {demoFleet[0]} to {demoFleet[^2]} and {demoFleet[^1]}.",
    HelpName = "ID",
};
var command = new RootCommand("Resizes a fleet of pay-as-you-go instances on the local emulator, a few at a time, and sums up the outcomes. Exits 1 when any resize failed.")
{
    parallelismOption, typeOption, instanceOption,
};
var (parsed, exitCode) = await SampleCommandLine.ParseAsync(command, args);
if (parsed is null)
{
    return exitCode;
}

var parallelism = parsed.GetValue(parallelismOption);
var targetType = parsed.GetValue(typeOption)!;
var fleet = (parsed.GetValue(instanceOption) is { Length: > 0 } chosen ? chosen.Distinct(StringComparer.Ordinal) : demoFleet).ToList();

await using var emulator = await EcsEmulator.StartAsync();
// The client retries throttling by itself, with the same ClientToken; OnRetry lets the summary say which it repeated.
var retried = new ConcurrentDictionary<string, string>();
var options = new EcsSpecClientOptions
{
    Endpoint = emulator.Endpoint,
    AccessKeyId = emulator.AccessKeyId,
    AccessKeySecret = emulator.AccessKeySecret,
};
options.Retry.OnRetry = retry =>
{
    retried.AddOrUpdate(retry.ClientToken!, retry.Failure.ErrorCode ?? "no answer", (_, before) => $"{before}, {retry.Failure.ErrorCode}");
    return ValueTask.CompletedTask;
};
using var client = EcsSpecClient.Create(options);

// Make the demo realistic: one instance was left running, one is gone, and the service throttles once.
emulator.State.StartInstance("i-fleet-003");
emulator.Faults.Next(InjectedFault.Throttling, instanceId: "i-fleet-004");

Console.WriteLine($"Resizing {fleet.Count} instances to {targetType}, {parallelism} at a time.");
var outcomes = new ConcurrentDictionary<string, string>();
await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (instanceId, cancellationToken) =>
{
    var clientToken = $"fleet-resize-{instanceId}";
    var result = await client.TryModifyInstanceSpecAsync(
        new ModifyInstanceSpecRequest { InstanceId = instanceId, InstanceType = targetType, ClientToken = clientToken },
        cancellationToken);
    outcomes[instanceId] = result.Match(
        ok => retried.TryGetValue(clientToken, out var causes) ? $"resized after a retry ({causes})" : "resized",
        error => $"{error.ToException().GetType().Name} {error.ErrorCode}{(error.IsRetryable ? " (retryable)" : string.Empty)}");
    Progress.Report(fleet.Count, instanceId, outcomes[instanceId]);
});

Progress.Finish();
Console.WriteLine();
Console.WriteLine($"{"instance",-14} outcome");
Console.WriteLine($"{new string('-', 14)} {new string('-', 60)}");
foreach (var instanceId in fleet)
{
    Console.WriteLine($"{instanceId,-14} {outcomes[instanceId]}");
}

Console.WriteLine();
foreach (var group in outcomes.Values.GroupBy(o => o).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"{group.Count(),3} x {group.Key}");
}

var resized = outcomes.Values.Count(o => o.StartsWith("resized", StringComparison.Ordinal));
Console.WriteLine($"Resized {resized} of {fleet.Count}.");
// A script that runs the resize learns from the exit code alone whether the whole fleet was resized.
if (resized < fleet.Count)
{
    Console.Error.WriteLine($"{fleet.Count - resized} of {fleet.Count} resizes failed.");
    return 1;
}

return 0;

/// <summary>A progress line that redraws in a terminal and prints plain lines when the output is redirected.</summary>
internal static class Progress
{
    private static readonly Lock Gate = new();
    private static int finished;

    public static void Report(int total, string instanceId, string outcome)
    {
        lock (Gate)
        {
            finished++;
            var bar = new string('#', finished * 20 / total).PadRight(20, '.');
            var line = $"[{bar}] {finished,2}/{total} {instanceId}: {outcome}";
            if (Console.IsOutputRedirected)
            {
                Console.WriteLine(line);
            }
            else
            {
                Console.Write("\r" + line.PadRight(Math.Max(0, Console.WindowWidth - 1)));
            }
        }
    }

    public static void Finish()
    {
        if (!Console.IsOutputRedirected)
        {
            Console.WriteLine();
        }
    }
}
