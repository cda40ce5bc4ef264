using System.Collections.Concurrent;
using System.Diagnostics;
using AliEcsSpec.Client.Errors;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Emulator;

namespace AliEcsSpec.Client.Fleet;

/// <summary>
/// One cold run: a new emulator throttling at the run's rate, a seeded fleet of stopped pay-as-you-go instances, one
/// client with the default options (but the run's rate-limit mode) and limiters of its own, and the callers resizing
/// one instance each until none is left.
/// </summary>
internal static class FleetRun
{
    private const string RegionId = "cn-hangzhou";

    public static async Task<FleetResult> RunAsync(FleetSettings settings)
    {
        var seed = Seed(settings.Instances, out var targetType);
        await using var emulator = await EcsEmulator.StartAsync(new EcsEmulatorOptions
        {
            Seed = seed,
            ThrottleRequestsPerSecond = settings.Rate,
            ThrottleBurst = settings.Burst,
        });
        var options = new EcsSpecClientOptions
        {
            Endpoint = emulator.Endpoint,
            AccessKeyId = emulator.AccessKeyId,
            AccessKeySecret = emulator.AccessKeySecret,
        };
        options.RateLimit.Mode = settings.Mode;
        var started = Stopwatch.GetTimestamp();
        using var trace = TraceLogger.FromEnvironment(started);
        using var client = new EcsSpecClientBuilder(options)
        {
            // Cold: nothing learnt by an earlier run, and no retry budget drained by one.
            RateLimiters = new RateLimiterRegistry(),
            Budget = new RetryBudget(),
            LoggerFactory = trace,
        }.Build();

        var queue = new ConcurrentQueue<string>(seed.Instances.Select(i => i.InstanceId));
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<TimeSpan>();
        started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, settings.Callers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var instanceId))
            {
                var call = Stopwatch.GetTimestamp();
                try
                {
                    await client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { RegionId = RegionId, InstanceId = instanceId, InstanceType = targetType });
                }
                catch (EcsException exception)
                {
                    failures.AddOrUpdate($"{exception.GetType().Name} {exception.Error.ErrorCode}".TrimEnd(), 1, (_, n) => n + 1);
                }
                catch (OperationCanceledException exception)
                {
                    failures.AddOrUpdate(exception.GetType().Name, 1, (_, n) => n + 1);
                }

                latencies.Add(Stopwatch.GetElapsedTime(call));
            }
        })));
        var wall = Stopwatch.GetElapsedTime(started);

        var log = emulator.State.RequestLog.Where(e => e.Action == "ModifyInstanceSpec").ToList();
        if (trace is not null && log.Count > 0)
        {
            foreach (var second in log.GroupBy(e => (int)(e.At - log[0].At).TotalSeconds))
            {
                Console.Error.WriteLine($"  second {second.Key,3}: {second.Count(e => e.Status == 200),4} accepted, {second.Count(e => e.Status != 200),4} throttled");
            }
        }

        var sorted = latencies.Order().ToList();
        var changedTwice = emulator.State.Changes.GroupBy(c => c.InstanceId).Count(g => g.Count() > 1);
        return new FleetResult(
            settings,
            wall,
            failures,
            log.Count,
            log.Count(e => e.Code is { } code && code.StartsWith("Throttling", StringComparison.Ordinal)),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99),
            changedTwice);
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double share) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

    /// <summary>The demo account, rich, with <paramref name="count"/> stopped pay-as-you-go instances of the smallest type; each is resized to the largest.</summary>
    private static EmulatorSeed Seed(int count, out string targetType)
    {
        var demo = EmulatorSeed.Demo;
        var bySize = demo.InstanceTypes.OrderBy(t => t.Cpu).ThenBy(t => t.MemoryGiB).ToList();
        var smallest = bySize[0].InstanceType;
        targetType = bySize[^1].InstanceType;
        return demo with
        {
            Accounts = [new EmulatorAccount(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoAccessKeySecret) { Balance = 1_000_000_000m }],
            Instances = [.. Enumerable.Range(1, count).Select(n => new EmulatorInstance
            {
                InstanceId = $"i-fleet-{n:00000}",
                RegionId = RegionId,
                AccessKeyId = EmulatorSeed.DemoAccessKeyId,
                ChargeType = Emulator.InstanceChargeType.PostPaid,
                Status = Emulator.InstanceStatus.Stopped,
                InstanceType = smallest,
                InternetMaxBandwidthOut = 5,
                InternetMaxBandwidthIn = 10,
            })],
        };
    }
}
