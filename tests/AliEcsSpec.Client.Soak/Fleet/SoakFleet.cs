using System.Globalization;
using AliEcsSpec.Emulator;

namespace AliEcsSpec.Client.Soak.Fleet;

/// <summary>
/// The seeded fleet: subscription (prepaid) and pay-as-you-go instances of one well-funded account, all stopped (so
/// that every change the rules allow is possible), split between the callers so that no two callers ever change
/// the same instance. A collision would only produce business errors (a change still pending, a same-size type),
/// which tell nothing about the client; one caller per instance also keeps each instance's calls in order, which is
/// what lets the emulator's fault draws replay from the seed.
/// </summary>
internal sealed class SoakFleet
{
    public const string RegionId = "cn-hangzhou";

    /// <summary>How many calls one instance gets on average: few enough that a prepaid instance never runs out of sizes.</summary>
    private const int CallsPerInstance = 12;

    private readonly int _callers;
    private readonly Dictionary<string, int> _sizeClassOf;

    private SoakFleet(int callers, IReadOnlyList<string> prepaid, IReadOnlyList<string> payAsYouGo, EmulatorSeed seed)
    {
        _callers = callers;
        Prepaid = prepaid;
        PayAsYouGo = payAsYouGo;
        Seed = seed;
        // Types of the same vCPUs and memory are the same size: a change between them is refused (ValueNotSupported).
        SizeClasses = [.. seed.InstanceTypes
            .GroupBy(t => (t.Cpu, t.MemoryGiB))
            .OrderBy(g => g.Key.Cpu).ThenBy(g => g.Key.MemoryGiB)
            .Select(g => (IReadOnlyList<string>)[.. g.Select(t => t.InstanceType).Order(StringComparer.Ordinal)])];
        _sizeClassOf = SizeClasses.SelectMany((types, size) => types.Select(t => (t, size))).ToDictionary(p => p.t, p => p.size, StringComparer.Ordinal);
    }

    /// <summary>The subscription instances, changed with ModifyPrepayInstanceSpec.</summary>
    public IReadOnlyList<string> Prepaid { get; }

    /// <summary>The pay-as-you-go instances, changed with ModifyInstanceSpec.</summary>
    public IReadOnlyList<string> PayAsYouGo { get; }

    /// <summary>The instance types grouped by size, smallest first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SizeClasses { get; }

    /// <summary>What the emulator starts with.</summary>
    public EmulatorSeed Seed { get; }

    /// <summary>A fleet big enough for <paramref name="calls"/> calls from <paramref name="callers"/> callers.</summary>
    public static SoakFleet Create(int calls, int callers, int seed)
    {
        var perCallerPerKind = Math.Max(4, (int)Math.Ceiling(calls / (2.0 * callers * CallsPerInstance)));
        var count = perCallerPerKind * callers;
        var demo = EmulatorSeed.Demo;
        var types = demo.InstanceTypes;
#pragma warning disable CA5394 // The fleet must be the same for the same seed, not unpredictable.
        var random = new Random(seed);
        var instances = new List<EmulatorInstance>(2 * count);
        for (var n = 1; n <= count; n++)
        {
            // Prepaid instances start in the lower half of the sizes, so that they have upgrades ahead of them.
            instances.Add(Instance(Name("prepaid", n), Emulator.InstanceChargeType.PrePaid, LowerHalf(types, random)));
            instances.Add(Instance(Name("payg", n), Emulator.InstanceChargeType.PostPaid, types[random.Next(types.Count)].InstanceType));
        }
#pragma warning restore CA5394

        var fleetSeed = demo with
        {
            // One account, rich enough that no upgrade is ever refused for its balance.
            Accounts = [new EmulatorAccount(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoAccessKeySecret) { Balance = 1_000_000_000_000m }],
            Instances = instances,
        };
        return new SoakFleet(
            callers,
            [.. instances.Where(i => i.ChargeType == Emulator.InstanceChargeType.PrePaid).Select(i => i.InstanceId)],
            [.. instances.Where(i => i.ChargeType == Emulator.InstanceChargeType.PostPaid).Select(i => i.InstanceId)],
            fleetSeed);
    }

    /// <summary>The size class of an instance type (0 is the smallest).</summary>
    public int SizeClassOf(string instanceType) => _sizeClassOf[instanceType];

    /// <summary>The instances of <paramref name="all"/> that belong to <paramref name="caller"/>, and to no other caller.</summary>
    public IReadOnlyList<string> OwnedBy(int caller, IReadOnlyList<string> all) =>
        [.. all.Where((_, index) => index % _callers == caller)];

    private static string Name(string kind, int n) => string.Create(CultureInfo.InvariantCulture, $"i-soak-{kind}-{n:00000}");

    private static string LowerHalf(IReadOnlyList<InstanceTypeSpec> types, Random random)
    {
        var sorted = types.OrderBy(t => t.Cpu).ThenBy(t => t.MemoryGiB).ToList();
#pragma warning disable CA5394 // Seeded on purpose.
        return sorted[random.Next(sorted.Count / 2)].InstanceType;
#pragma warning restore CA5394
    }

    private static EmulatorInstance Instance(string id, Emulator.InstanceChargeType charge, string type) => new()
    {
        InstanceId = id,
        RegionId = RegionId,
        AccessKeyId = EmulatorSeed.DemoAccessKeyId,
        ChargeType = charge,
        Status = Emulator.InstanceStatus.Stopped,
        InstanceType = type,
        InternetMaxBandwidthOut = 5,
        InternetMaxBandwidthIn = 10,
    };
}
