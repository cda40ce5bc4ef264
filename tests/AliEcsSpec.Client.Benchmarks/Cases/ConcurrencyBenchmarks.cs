using BenchmarkDotNet.Attributes;

namespace AliEcsSpec.Client.Benchmarks.Cases;

/// <summary>
/// Throughput under contention: 16 callers share one client and make <see cref="Calls"/> calls in all against the
/// loopback endpoint. BenchmarkDotNet reports the time per call; calls/s is its inverse.
/// </summary>
/// <remarks>
/// Longer warm-up than the other cases: under 16 callers the client's generic async paths reach tiered-up code only
/// after a few seconds, and what is compared is the steady state, not the JIT.
/// </remarks>
[MemoryDiagnoser]
[WarmupCount(12)]
[IterationCount(10)]
public class ConcurrencyBenchmarks
{
    public const int Callers = 16;
    public const int Calls = 1600;

    private CallTargets _targets = null!;

    [GlobalSetup]
    public async Task SetupAsync() => _targets = await CallTargets.CreateAsync(Transports.Loopback);

    [GlobalCleanup]
    public async Task CleanupAsync() => await _targets.DisposeAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "Floor, 16 callers")]
    public Task Floor() => RunAsync(() => _targets.Floor.CallAsync());

    /// <summary>
    /// The simplest correct signer under the same load: not a budget, but what any client that signs each call pays on
    /// this machine, where the server shares the client's cores.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Calls, Description = "Minimal hand-written signer, 16 callers")]
    public Task MinimalSigner() => RunAsync(() => Baselines.MinimalSigner.CallAsync(_targets.Plain, _targets.Endpoint, "ModifyInstanceSpec"));

    [Benchmark(OperationsPerInvoke = Calls, Description = "Client: ModifyInstanceSpecAsync, 16 callers")]
    public Task Client() => RunAsync(() => _targets.Client.ModifyInstanceSpecAsync(Workload.SpecRequest));

    /// <summary>
    /// The floor once more, after the other cases (BenchmarkDotNet runs them in the order declared): when the two floors
    /// disagree, the machine changed speed while the cases ran, and their ratio is not judged.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Calls, Description = "Floor again, after the client, 16 callers")]
    public Task FloorAgain() => RunAsync(() => _targets.Floor.CallAsync());

    private static Task RunAsync<T>(Func<Task<T>> call)
    {
        var callers = new Task[Callers];
        for (var i = 0; i < Callers; i++)
        {
            callers[i] = Task.Run(async () =>
            {
                for (var n = 0; n < Calls / Callers; n++)
                {
                    await call().ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(callers);
    }
}
