// Resizes a fleet of pay-as-you-go instances concurrently, with bounded parallelism, a live progress line and a
// summary of successes and typed failures. Runs against the local emulator (no account, no cost):
//   dotnet run --project samples/AliEcsSpec.Samples.FleetResize [-- --parallelism 4 --type ecs.g6.xlarge]
using System.Collections.Concurrent;
using System.Globalization;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator;

var parallelism = 4;
var targetType = "ecs.g6.xlarge";
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--parallelism":
            parallelism = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--type":
            targetType = args[i + 1];
            break;
        default:
            Console.Error.WriteLine("Usage: AliEcsSpec.Samples.FleetResize [--parallelism N] [--type INSTANCE_TYPE]");
            return 2;
    }
}

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
var fleet = Enumerable.Range(1, 12).Select(n => $"i-fleet-{n:000}").Append("i-fleet-404").ToList();

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

Console.WriteLine($"Resized {outcomes.Values.Count(o => o.StartsWith("resized", StringComparison.Ordinal))} of {fleet.Count}.");
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
