using System.Collections.Concurrent;
using System.Globalization;
using AliEcsSpec.Client;
using AliEcsSpec.Client.Workflow;
using AliEcsSpec.Emulator;

namespace AliEcsSpec.Samples.FleetResize;

/// <summary>
/// Resizes a fleet with <see cref="InstanceResizer.ResizeInstanceAsync"/>: a few at a time, each step printed as it
/// ends, then a summary. The exit code is 1 when any instance failed, so a script can tell.
/// </summary>
internal static class FleetRun
{
    // The emulator's instance transitions and apply delay, shortened so the demo takes seconds; the real service takes
    // tens of seconds to stop or start an instance and 5 to 10 seconds to apply a change.
    private static readonly TimeSpan Transition = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(IReadOnlyList<string> fleet, int parallelism, string targetType, TextWriter output)
    {
        await using var emulator = await EcsEmulator.StartAsync(new EcsEmulatorOptions { ApplyDelay = Transition, StopDelay = Transition, StartDelay = Transition });
        using var client = EcsSpecClient.Create(new EcsSpecClientOptions
        {
            Endpoint = emulator.Endpoint,
            AccessKeyId = emulator.AccessKeyId,
            AccessKeySecret = emulator.AccessKeySecret,
        });

        // Make the demo realistic: one instance was left running (it is stopped, resized and started again), and the
        // service throttles once (the client repeats that call by itself, with the same ClientToken).
        emulator.State.StartInstance("i-fleet-003");
        emulator.Faults.Next(InjectedFault.Throttling, instanceId: "i-fleet-004");
        // Polls every 200 ms growing to 1 s here; the defaults (2 s growing to 15 s) suit the real service.
        var options = new EcsWorkflowOptions { FirstPollInterval = TimeSpan.FromMilliseconds(200), MaxPollInterval = TimeSpan.FromSeconds(1) };
        // One plan token for the whole run: run the same command again after a crash and no instance is ordered twice.
        var planToken = $"fleet-resize-{targetType}";

        output.WriteLine($"Resizing {fleet.Count} instances to {targetType}, {parallelism} at a time (plan {planToken}).");
        var outcomes = new ConcurrentDictionary<string, string>();
        var failed = 0;
        var console = new Lock();
        await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (instanceId, cancellationToken) =>
        {
            var progress = new LineProgress(step =>
            {
                if (step.State != ResizeStepState.Started)
                {
                    lock (console)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  {instanceId,-14} {step.Kind,-15} {step.State,-9} {step.Duration.TotalSeconds,5:F1} s  {step.Detail}"));
                    }
                }
            });
            var request = new ResizeInstanceRequest
            {
                RegionId = "cn-hangzhou",
                InstanceId = instanceId,
                InstanceType = targetType,
                PlanToken = planToken,
                AllowStop = true,
            };
            try
            {
                var result = await client.ResizeInstanceAsync(request, progress, options, cancellationToken);
                outcomes[instanceId] = result.Changed
                    ? $"{result.TypeBefore} -> {result.TypeAfter}, {result.StatusAfter}"
                    : $"already {result.TypeAfter}";
            }
            catch (InstanceResizeException e)
            {
                Interlocked.Increment(ref failed);
                outcomes[instanceId] = $"{e.GetType().Name}: left {e.InstanceLeftIn ?? "unseen"}{(e.LeftStoppedByResize ? " (stopped by this run)" : string.Empty)}";
            }
        });

        output.WriteLine();
        output.WriteLine($"{"instance",-14} outcome");
        output.WriteLine($"{new string('-', 14)} {new string('-', 60)}");
        foreach (var instanceId in fleet)
        {
            output.WriteLine($"{instanceId,-14} {outcomes[instanceId]}");
        }

        output.WriteLine();
        var kinds = outcomes.Values.Select(o => o.Split(':')[0].Contains("->", StringComparison.Ordinal) ? "resized" : o.Split(':')[0]);
        foreach (var group in kinds.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Count(),3} x {group.Key}");
        }

        output.WriteLine($"Resized {fleet.Count - failed} of {fleet.Count}.");
        // A script that runs the resize learns from the exit code alone whether the whole fleet was resized.
        if (failed > 0)
        {
            await Console.Error.WriteLineAsync($"{failed} of {fleet.Count} resizes failed.");
            return 1;
        }

        return 0;
    }

    /// <summary>Reports each step at once, on the resizing thread (<see cref="Progress{T}"/> would post it later).</summary>
    private sealed class LineProgress(Action<ResizeStep> report) : IProgress<ResizeStep>
    {
        public void Report(ResizeStep value) => report(value);
    }
}
