using System.Diagnostics;
using AliEcsSpec.Client.Benchmarks.Cases;

namespace AliEcsSpec.Client.Benchmarks.Paired;

/// <summary>
/// The loopback call cases of <see cref="CallBenchmarks"/>, measured in one process in short alternating blocks, so
/// that each round's client and floor share the machine's state of that moment and each round's ratio cancels it.
/// </summary>
/// <remarks>
/// BenchmarkDotNet measures one case after another, each in processes of its own, some twenty seconds apart. On a
/// shared two-core VM the speed of a loopback round trip moves by a fifth from one process to the next and within one
/// (the same floor measured 40 µs in one launch and 54 µs in the next), so the ratio of two cases measured apart
/// mostly measures the neighbours. Interleaving the cases and pairing them per round is the usual remedy; BenchmarkDotNet
/// has no interleaved mode, so this is the one measurement taken outside it. The order of the cases rotates from round
/// to round, so no case always runs first or right after another.
/// </remarks>
internal static class InterleavedLoopbackCalls
{
    /// <summary>Rounds run and thrown away first: the JIT's tiers and the adaptive rate limiter's slow start settle in them.</summary>
    public const int WarmupRounds = 20;

    /// <summary>Rounds measured; each gives one ratio per case.</summary>
    public const int Rounds = 40;

    /// <summary>Calls per case per round: about a tenth of a second of loopback calls, short against the machine's drift.</summary>
    public const int CallsPerBlock = 2000;

    public static async Task<InterleavedResult> MeasureAsync()
    {
        var benchmarks = new CallBenchmarks { Transport = Transports.Loopback };
        await benchmarks.SetupAsync().ConfigureAwait(false);
        try
        {
            // The cases by their CallBenchmarks method name, the floor first.
            (string Method, Func<Task> Call)[] cases =
            [
                (nameof(CallBenchmarks.Floor), benchmarks.Floor),
                (nameof(CallBenchmarks.MinimalSigner), benchmarks.MinimalSigner),
                (nameof(CallBenchmarks.ModifyInstanceSpec), benchmarks.ModifyInstanceSpec),
                (nameof(CallBenchmarks.ModifyPrepayInstanceSpec), benchmarks.ModifyPrepayInstanceSpec),
            ];
            var calls = cases.Select(c => c.Call).ToArray();
            for (var round = 0; round < WarmupRounds; round++)
            {
                await RunRoundAsync(calls, round).ConfigureAwait(false);
            }

            var perCall = new double[Rounds][];
            for (var round = 0; round < Rounds; round++)
            {
                perCall[round] = await RunRoundAsync(calls, round).ConfigureAwait(false);
            }

            return InterleavedResult.From([.. cases.Select(c => c.Method)], perCall);
        }
        finally
        {
            await benchmarks.CleanupAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One block of calls per case, starting with case <c>round mod n</c>; returns each case's nanoseconds per call.</summary>
    private static async Task<double[]> RunRoundAsync(Func<Task>[] calls, int round)
    {
        var perCall = new double[calls.Length];
        for (var slot = 0; slot < calls.Length; slot++)
        {
            var index = (round + slot) % calls.Length;
            var call = calls[index];
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < CallsPerBlock; i++)
            {
                await call().ConfigureAwait(false);
            }

            perCall[index] = Stopwatch.GetElapsedTime(started).TotalNanoseconds / CallsPerBlock;
        }

        return perCall;
    }
}
