using System.Globalization;
using AliEcsSpec.Client.Workflow;
using AliEcsSpec.Emulator;

namespace AliEcsSpec.Client.Soak.Workflow;

/// <summary>
/// The workflow under the same random faults: each instance of its own small fleet (prepaid and pay-as-you-go,
/// running and stopped) is resized once with <see cref="InstanceResizer.ResizeInstanceAsync"/>, and a plan that failed
/// is run again, with the same plan token, until it succeeds or its tries are spent. Then the emulator's records say
/// whether any plan made a second order or change, and whether any instance was left stopped without a typed error
/// saying so.
/// </summary>
internal sealed class WorkflowSoak
{
    public const int TriesPerPlan = 4;

    /// <summary>How long the emulator takes to stop or start an instance in the soak, and the workflow's first poll interval.</summary>
    public static readonly TimeSpan Transition = TimeSpan.FromMilliseconds(20);

    private PlanOutcome[] _outcomes = [];

    private Dictionary<string, string> _startedIn = [];

    private static readonly (Emulator.InstanceChargeType Charge, Emulator.InstanceStatus Status, string From, string To)[] Shapes =
    [
        (Emulator.InstanceChargeType.PrePaid, Emulator.InstanceStatus.Running, "ecs.g5.large", "ecs.g5.xlarge"),      // upgrade, no stop
        (Emulator.InstanceChargeType.PrePaid, Emulator.InstanceStatus.Running, "ecs.g5.xlarge", "ecs.g5.large"),      // downgrade: stop, start, then the type
        (Emulator.InstanceChargeType.PostPaid, Emulator.InstanceStatus.Running, "ecs.g6.large", "ecs.g6.xlarge"),     // stop, change, start
        (Emulator.InstanceChargeType.PostPaid, Emulator.InstanceStatus.Stopped, "ecs.g6.xlarge", "ecs.g6.large"),     // change only
    ];

    private WorkflowSoak(IReadOnlyList<EmulatorInstance> instances, IReadOnlyDictionary<string, string> targets)
    {
        Instances = instances;
        Targets = targets;
    }

    /// <summary>The instances to add to the emulator's seed.</summary>
    public IReadOnlyList<EmulatorInstance> Instances { get; }

    /// <summary>The target type of each instance.</summary>
    public IReadOnlyDictionary<string, string> Targets { get; }

    public static WorkflowSoak Create(int plans)
    {
        var instances = new List<EmulatorInstance>(plans);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 0; n < plans; n++)
        {
            var (charge, status, from, to) = Shapes[n % Shapes.Length];
            var id = string.Create(CultureInfo.InvariantCulture, $"i-soak-resize-{n + 1:0000}");
            instances.Add(new EmulatorInstance
            {
                InstanceId = id,
                RegionId = "cn-hangzhou",
                AccessKeyId = EmulatorSeed.DemoAccessKeyId,
                ChargeType = charge,
                Status = status,
                InstanceType = from,
                InternetMaxBandwidthOut = 5,
                InternetMaxBandwidthIn = 10,
            });
            targets[id] = to;
        }

        return new WorkflowSoak(instances, targets);
    }

    /// <summary>Runs every plan, <paramref name="parallelism"/> at a time.</summary>
    public async Task RunAsync(IEcsSpecClient client, int seed, int parallelism, EcsWorkflowOptions options)
    {
        var startedIn = _startedIn = Instances.ToDictionary(i => i.InstanceId, i => i.Status.ToString(), StringComparer.Ordinal);
        var outcomes = _outcomes = new PlanOutcome[Instances.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (index, _) =>
        {
            var id = Instances[index].InstanceId;
            var request = new ResizeInstanceRequest
            {
                RegionId = "cn-hangzhou",
                InstanceId = id,
                InstanceType = Targets[id],
                PlanToken = string.Create(CultureInfo.InvariantCulture, $"soak-{seed}-{id}"),
                AllowStop = true,
                // A running instance's plan says it ends running: a second try cannot know the first one stopped it.
                RestartAfter = startedIn[id] == "Running" ? true : null,
            };
            outcomes[index] = await PlanOutcome.RunAsync(client, request, options, TriesPerPlan).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The figures and required zeros, from the emulator's records once every late attempt has landed.</summary>
    public WorkflowSoakResult Audit(EmulatorState state) => WorkflowSoakResult.Audit(_outcomes, state, _startedIn, Targets);
}
