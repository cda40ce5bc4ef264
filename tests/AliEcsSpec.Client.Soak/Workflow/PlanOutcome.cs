using AliEcsSpec.Client.Workflow;

namespace AliEcsSpec.Client.Soak.Workflow;

/// <summary>How one plan went: each try's failure (typed or not), and whether a try succeeded.</summary>
internal sealed record PlanOutcome(string InstanceId, IReadOnlyList<Exception> Failures, ResizeResult? Result)
{
    public bool Succeeded => Result is not null;

    /// <summary>The last failure, when no try succeeded: it must say whether the instance was left stopped.</summary>
    public Exception? FinalFailure => Succeeded ? null : Failures[^1];

    public static async Task<PlanOutcome> RunAsync(IEcsSpecClient client, ResizeInstanceRequest request, EcsWorkflowOptions options, int tries)
    {
        var failures = new List<Exception>();
        for (var attempt = 0; attempt < tries; attempt++)
        {
            try
            {
                var result = await client.ResizeInstanceAsync(request, progress: null, options).ConfigureAwait(false);
                return new PlanOutcome(request.InstanceId, failures, result);
            }
#pragma warning disable CA1031 // The soak counts every way a try ends; an untyped one is a finding, not a crash.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                failures.Add(failure);
            }
        }

        return new PlanOutcome(request.InstanceId, failures, null);
    }
}
