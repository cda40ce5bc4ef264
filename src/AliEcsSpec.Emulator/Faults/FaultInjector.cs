using System.Globalization;

namespace AliEcsSpec.Emulator;

/// <summary>
/// Faults on demand: scripted (<c>the next N calls of action X answer fault Y</c>) and random (a seeded generator
/// drawing from a mix at a rate). Scripted faults come first.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(string? Action, string? InstanceId, InjectedFault Fault, int Remaining)> _scripted = [];
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _callOrder = new(StringComparer.Ordinal);
    private int _seed;
    private FaultDrawKey _key;
    private bool _randomOn;
    private double _rate;
    private IReadOnlyList<InjectedFault> _mix = [];

    /// <summary>
    /// Makes the next <paramref name="count"/> calls of <paramref name="action"/> for <paramref name="instanceId"/>
    /// (any action, any instance when null) answer <paramref name="fault"/>.
    /// </summary>
    /// <param name="fault">The fault.</param>
    /// <param name="count">How many calls.</param>
    /// <param name="action">The action, or null for any.</param>
    /// <param name="instanceId">The instance the call names, or null for any.</param>
    public void Next(InjectedFault fault, int count = 1, string? action = null, string? instanceId = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _scripted.Add((action, instanceId, fault, count));
        }
    }

    /// <summary>Injects faults at random: each call draws one from <paramref name="mix"/> with probability <paramref name="rate"/>.</summary>
    /// <param name="rate">Between 0 and 1.</param>
    /// <param name="seed">The seed, so that a run can be replayed.</param>
    /// <param name="mix">The faults to draw from.</param>
    public void Random(double rate, int seed, IReadOnlyList<InjectedFault> mix) => Random(rate, seed, mix, FaultDrawKey.ClientToken);

    /// <summary>
    /// Injects faults at random, like <see cref="Random(double, int, IReadOnlyList{InjectedFault})"/>, with
    /// <paramref name="key"/> choosing what identifies a call for the draws.
    /// </summary>
    /// <param name="rate">Between 0 and 1.</param>
    /// <param name="seed">The seed, so that a run can be replayed.</param>
    /// <param name="mix">The faults to draw from.</param>
    /// <param name="key">What identifies one call: its ClientToken, or its place among the calls on its instance.</param>
    public void Random(double rate, int seed, IReadOnlyList<InjectedFault> mix, FaultDrawKey key)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        lock (_gate)
        {
            _rate = rate;
            _mix = mix;
            _seed = seed;
            _randomOn = mix.Count > 0;
            _key = key;
            _attempts.Clear();
            _callOrder.Clear();
        }
    }

    /// <summary>Removes every scripted and random fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _scripted.Clear();
            _randomOn = false;
        }
    }

    /// <summary>
    /// The fault for one request, if any. Random draws depend only on the seed, the action, the call (its ClientToken
    /// or instance, or with <see cref="FaultDrawKey.InstanceCallOrder"/> its place among its instance's calls) and how
    /// many times that call was seen, never on arrival order across instances, so a run with many concurrent callers
    /// replays exactly from its seed.
    /// </summary>
    internal InjectedFault? Draw(string? action, string? instanceId, string? clientToken)
    {
        lock (_gate)
        {
            for (var i = 0; i < _scripted.Count; i++)
            {
                var (scriptedAction, scriptedInstance, fault, remaining) = _scripted[i];
                if ((scriptedAction is null || scriptedAction == action) && (scriptedInstance is null || scriptedInstance == instanceId))
                {
                    if (remaining == 1)
                    {
                        _scripted.RemoveAt(i);
                    }
                    else
                    {
                        _scripted[i] = (scriptedAction, scriptedInstance, fault, remaining - 1);
                    }

                    return fault;
                }
            }

            if (!_randomOn)
            {
                return null;
            }

            var call = CallKeyLocked(action, instanceId, clientToken);
            var attempt = _attempts[call] = _attempts.GetValueOrDefault(call) + 1;
#pragma warning disable CA5394 // Fault injection needs a seeded, replayable generator, not a secure one.
            var random = new Random(StableHash($"{_seed}|{call}|{attempt}"));
            return random.NextDouble() < _rate ? _mix[random.Next(_mix.Count)] : null;
#pragma warning restore CA5394
        }
    }

    /// <summary>What identifies the call a request belongs to, for the random draws.</summary>
    private string CallKeyLocked(string? action, string? instanceId, string? clientToken)
    {
        if (_key != FaultDrawKey.InstanceCallOrder || instanceId is null)
        {
            return $"{action}|{clientToken ?? instanceId}";
        }

        // The n-th distinct ClientToken this instance has seen for this action is its n-th call; a request without a
        // token is a call of its own. A repeat of a token is the next attempt of the call it already belongs to.
        var scope = $"{action}|{instanceId}";
        if (!_callOrder.TryGetValue(scope, out var calls))
        {
            _callOrder[scope] = calls = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var ordinal = calls.Count + 1;
        var call = clientToken ?? string.Create(CultureInfo.InvariantCulture, $"\0without-token-{ordinal}");
        if (!calls.TryAdd(call, ordinal))
        {
            ordinal = calls[call];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{scope}#{ordinal}");
    }

    /// <summary>FNV-1a: the same value in every process (string.GetHashCode is randomized per process).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
