using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace AliEcsSpec.Client.Benchmarks.Cases;

/// <summary>
/// How many processes measure each case of a class, in whatever job runs it: BenchmarkDotNet has attributes that
/// mutate the warm-up and iteration counts of a job, but none for its launch count.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LaunchCountAttribute(int launchCount) : JobMutatorConfigBaseAttribute(Job.Default.WithLaunchCount(launchCount));
