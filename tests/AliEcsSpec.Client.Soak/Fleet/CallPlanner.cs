using System.Globalization;
using AliEcsSpec.Emulator;

namespace AliEcsSpec.Client.Soak.Fleet;

/// <summary>
/// Decides each logical call: exactly half of the calls per operation and half per token source (in an order the
/// seed fixes), on an instance of the caller's own, asking for a change the emulator's rules accept given the
/// instance as it is now. Reading the instance first is what an operator does (DescribeInstances) and keeps business
/// errors rare even when an earlier call's outcome was lost: the soak is about the client under faults, not about
/// requests the service must refuse.
/// </summary>
/// <remarks>
/// Everything random here comes from the seed and the call's index, so the same seed plans the same calls as long as
/// the earlier calls ended the same way.
/// </remarks>
internal sealed class CallPlanner
{
    private readonly SoakFleet _fleet;
    private readonly EmulatorState _state;
    private readonly int _seed;
    private readonly (string Action, TokenSource TokenSource)[] _shapes;
    private readonly IReadOnlyList<string>[] _prepaidOf;
    private readonly IReadOnlyList<string>[] _payAsYouGoOf;

    public CallPlanner(SoakFleet fleet, EmulatorState state, int seed, int calls, int callers)
    {
        _fleet = fleet;
        _state = state;
        _seed = seed;
        _shapes = [.. Enumerable.Range(0, calls).Select(i => (
            i % 2 == 0 ? Actions.Prepay : Actions.PayAsYouGo,
            i / 2 % 2 == 0 ? TokenSource.CallerGiven : TokenSource.Generated))];
#pragma warning disable CA5394 // The plan must be the same for the same seed, not unpredictable.
        new Random(seed).Shuffle(_shapes);
#pragma warning restore CA5394
        _prepaidOf = [.. Enumerable.Range(0, callers).Select(c => fleet.OwnedBy(c, fleet.Prepaid))];
        _payAsYouGoOf = [.. Enumerable.Range(0, callers).Select(c => fleet.OwnedBy(c, fleet.PayAsYouGo))];
    }

    /// <summary>How many calls of each operation and token source the plan holds.</summary>
    public IReadOnlyDictionary<(string Action, TokenSource TokenSource), int> Shape =>
        _shapes.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The call number <paramref name="index"/>, made by <paramref name="caller"/>.</summary>
    public PlannedCall Plan(int index, int caller)
    {
        var random = new Random(CallSeed(_seed, index));
        var (action, tokenSource) = _shapes[index];
        var token = tokenSource == TokenSource.CallerGiven ? string.Create(CultureInfo.InvariantCulture, $"soak-{_seed}-{index}") : null;
        return action == Actions.Prepay
            ? PlanPrepay(index, caller, random, token, tokenSource)
            : PlanPayAsYouGo(index, caller, random, token, tokenSource);
    }

#pragma warning disable CA5394 // Seeded on purpose, see the class remarks.
    /// <summary>
    /// An upgrade to the next size, or at the top size a downgrade to one of the two smallest: each instance climbs and
    /// falls, using at most the three downgrades the rules allow. An instance with nowhere left to go is passed over.
    /// </summary>
    private PlannedCall PlanPrepay(int index, int caller, Random random, string? token, TokenSource tokenSource)
    {
        var owned = _prepaidOf[caller];
        var start = random.Next(owned.Count);
        var top = _fleet.SizeClasses.Count - 1;
        EmulatorInstance? instance = null;
        for (var k = 0; k < owned.Count && instance is null; k++)
        {
            var candidate = Settle(owned[(start + k) % owned.Count]);
            if (_fleet.SizeClassOf(candidate.InstanceType) < top || candidate.DowngradeCount < 3)
            {
                instance = candidate;
            }
        }

        // Every instance of this caller is worn out: the call goes anyway and is refused (InstanceDowngrade.QuotaExceed).
        instance ??= Settle(owned[start]);
        var size = _fleet.SizeClassOf(instance.InstanceType);
        var downgrade = size == top;
        var targets = _fleet.SizeClasses[downgrade ? random.Next(Math.Min(2, size)) : size + 1];
        var type = targets[random.Next(targets.Count)];
        return new PlannedCall(index, caller, Actions.Prepay, instance.InstanceId, tokenSource, $"{(downgrade ? "downgrade" : "upgrade")} {instance.InstanceType} -> {type}")
        {
            Prepay = new ModifyPrepayInstanceSpecRequest
            {
                RegionId = SoakFleet.RegionId,
                InstanceId = instance.InstanceId,
                InstanceType = type,
                OperatorType = downgrade ? OperatorType.Downgrade : OperatorType.Upgrade,
                AutoPay = true,
                ClientToken = token,
            },
        };
    }

    /// <summary>Half type changes (to any other size; the instance is stopped), half bandwidth changes.</summary>
    private PlannedCall PlanPayAsYouGo(int index, int caller, Random random, string? token, TokenSource tokenSource)
    {
        var owned = _payAsYouGoOf[caller];
        var instance = _state.GetInstance(owned[random.Next(owned.Count)])!;
        ModifyInstanceSpecRequest request;
        if (random.Next(2) == 0)
        {
            var size = _fleet.SizeClassOf(instance.InstanceType);
            var other = random.Next(_fleet.SizeClasses.Count - 1);
            var targets = _fleet.SizeClasses[other >= size ? other + 1 : other];
            request = new ModifyInstanceSpecRequest { RegionId = SoakFleet.RegionId, InstanceId = instance.InstanceId, InstanceType = targets[random.Next(targets.Count)] };
        }
        else
        {
            // The inbound bandwidth within the newer revision's (003) bound: 1 to 10, or to the outbound above 10.
            var outbound = random.Next(0, 101);
            request = new ModifyInstanceSpecRequest
            {
                RegionId = SoakFleet.RegionId,
                InstanceId = instance.InstanceId,
                InternetMaxBandwidthOut = outbound,
                InternetMaxBandwidthIn = random.Next(2) == 0 ? null : random.Next(1, Math.Max(10, outbound) + 1),
            };
        }

        var change = request.InstanceType is { } type
            ? $"type {instance.InstanceType} -> {type}"
            : string.Create(CultureInfo.InvariantCulture, $"bandwidth out {request.InternetMaxBandwidthOut} in {request.InternetMaxBandwidthIn}");
        return new PlannedCall(index, caller, Actions.PayAsYouGo, instance.InstanceId, tokenSource, change) { PayAsYouGo = request with { ClientToken = token } };
    }
#pragma warning restore CA5394

    /// <summary>
    /// A prepaid downgrade applies only once the instance is started, as the service does. The soak plays the operator
    /// who starts it and stops it again, so that the next change finds it stopped, at its new size.
    /// </summary>
    private EmulatorInstance Settle(string instanceId)
    {
        if (_state.GetInstance(instanceId) is { PendingNeedsStart: true })
        {
            _state.StartInstance(instanceId);
            _ = _state.GetInstance(instanceId);
            _state.StopInstance(instanceId);
        }

        return _state.GetInstance(instanceId)!;
    }

    /// <summary>A seed per call (SplitMix64 of the run's seed and the index): the same in every process.</summary>
    private static int CallSeed(int seed, int index)
    {
        var x = unchecked(((ulong)(uint)seed << 32) + (ulong)index + 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)(x ^ (x >> 31));
    }
}
