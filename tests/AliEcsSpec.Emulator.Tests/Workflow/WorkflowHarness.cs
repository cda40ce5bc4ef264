using AliEcsSpec.Client;
using AliEcsSpec.Client.Workflow;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Workflow;

/// <summary>Runs the workflow against the emulator over HTTP on the harness's fake clock, recording every step reported.</summary>
internal static class WorkflowHarness
{
    public static EcsWorkflowOptions Options(Harness h, TimeSpan? timeout = null) =>
        new() { TimeProvider = h.Time, WaitTimeout = timeout ?? TimeSpan.FromMinutes(10) };

    public static ResizeInstanceRequest Resize(string instanceId, string instanceType, string planToken = "plan-1") =>
        new() { RegionId = "cn-hangzhou", InstanceId = instanceId, InstanceType = instanceType, PlanToken = planToken };

    /// <summary>Resizes on the fake clock (half a second per real millisecond) and returns the result and every step reported.</summary>
    public static async Task<(ResizeResult Result, List<ResizeStep> Reported)> ResizeAsync(this Harness h, ResizeInstanceRequest request)
    {
        var reported = new List<ResizeStep>();
        var progress = new Recorder(reported, null);
        var result = await h.Time.RunAsync(h.Client.ResizeInstanceAsync(request, progress, Options(h)), step: TimeSpan.FromMilliseconds(500));
        return (result, reported);
    }

    /// <summary>Resizes and expects it to fail; returns the exception.</summary>
    public static async Task<TException> ResizeFailsAsync<TException>(this Harness h, ResizeInstanceRequest request)
        where TException : Exception
    {
        var call = h.Client.ResizeInstanceAsync(request, new Recorder([], null), Options(h));
        var wrapped = h.Time.RunAsync(Wrap(call), step: TimeSpan.FromMilliseconds(500));
        var failure = await wrapped;
        return Assert.IsAssignableFrom<TException>(failure);
    }

    /// <summary>Resizes and returns how it failed, or null when it succeeded.</summary>
    public static Task<Exception?> ResizeFailsOrEndsAsync(this Harness h, ResizeInstanceRequest request, Action<ResizeStep> onStep, CancellationToken cancellationToken) =>
        h.Time.RunAsync(Wrap(h.Client.ResizeInstanceAsync(request, new Recorder([], onStep), Options(h), cancellationToken)), step: TimeSpan.FromMilliseconds(500));

    /// <summary>The instance as the service shows it now.</summary>
    public static async Task<EcsInstance> DescribeAsync(this Harness h, string instanceId)
    {
        var page = await h.Client.DescribeInstancesAsync(new DescribeInstancesRequest { RegionId = "cn-hangzhou", InstanceIds = [instanceId] });
        return Assert.Single(page.Instances);
    }

    public static IReadOnlyList<(ResizeStepKind Kind, ResizeStepState State)> Outline(this ResizeResult result) =>
        result.Steps.Select(s => (s.Kind, s.State)).ToArray();

    /// <summary>How a call ended: null when it succeeded, else what it threw.</summary>
    public static async Task<Exception?> Wrap(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private sealed class Recorder(List<ResizeStep> steps, Action<ResizeStep>? onStep) : IProgress<ResizeStep>
    {
        public void Report(ResizeStep value)
        {
            steps.Add(value);
            onStep?.Invoke(value);
        }
    }
}
