namespace AliEcsSpec.Client.Benchmarks.Paired;

/// <summary>One case of the interleaved measurement: its time per call, and its ratio to the floor of the same rounds.</summary>
/// <param name="Method">The <see cref="Cases.CallBenchmarks"/> method.</param>
/// <param name="MeanNs">The mean over the rounds of the case's nanoseconds per call.</param>
/// <param name="Ratio">The geometric mean of the per-round ratios to the floor.</param>
/// <param name="LogStandardError">The standard error of the mean of the ratios' logarithms.</param>
internal sealed record InterleavedCase(string Method, double MeanNs, double Ratio, double LogStandardError)
{
    /// <summary>The ratio's interval, <paramref name="standardErrors"/> standard errors either side.</summary>
    public (double Low, double High) Interval(double standardErrors) =>
        (Ratio * Math.Exp(-standardErrors * LogStandardError), Ratio * Math.Exp(standardErrors * LogStandardError));
}

/// <summary>What the interleaved loopback measurement found, case by case.</summary>
internal sealed record InterleavedResult(int Rounds, IReadOnlyList<InterleavedCase> Cases)
{
    public InterleavedCase? Find(string method) => Cases.FirstOrDefault(c => c.Method == method);

    /// <summary>
    /// Pairs each round's cases with that round's floor (<paramref name="methods"/>[0]). Ratios are averaged as
    /// logarithms, so that 0.8× and 1.25× cancel, and their standard error comes from the spread between rounds,
    /// which is what the pairing leaves of the machine's noise.
    /// </summary>
    /// <param name="methods">The case names, the floor first.</param>
    /// <param name="perCall">Per round, each case's nanoseconds per call, in the order of <paramref name="methods"/>.</param>
    public static InterleavedResult From(IReadOnlyList<string> methods, IReadOnlyList<double[]> perCall)
    {
        var cases = new List<InterleavedCase>();
        for (var c = 0; c < methods.Count; c++)
        {
            var logs = perCall.Select(round => Math.Log(round[c] / round[0])).ToArray();
            var mean = logs.Average();
            var standardError = logs.Length > 1
                ? Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / (logs.Length - 1) / logs.Length)
                : double.PositiveInfinity;
            cases.Add(new InterleavedCase(methods[c], perCall.Average(round => round[c]), Math.Exp(mean), standardError));
        }

        return new InterleavedResult(perCall.Count, cases);
    }
}
