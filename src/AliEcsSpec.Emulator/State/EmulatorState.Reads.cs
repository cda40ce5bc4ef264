namespace AliEcsSpec.Emulator;

/// <summary>What the describing actions read: the world as it is now, under the lock, and nothing stored.</summary>
public sealed partial class EmulatorState
{
    /// <summary>
    /// Runs <paramref name="read"/> on the world as it is now without storing anything: a stop, a start or a type
    /// change that came due shows as done (<see cref="AsOf"/>), and is stored only by the next change's step.
    /// </summary>
    internal T Read<T>(Func<View, T> read)
    {
        lock (_gate)
        {
            return read(new View(this, _time.GetUtcNow()));
        }
    }

    private ZoneStock StockOf(string zoneId, string instanceType) =>
        _stock.GetValueOrDefault((zoneId, instanceType)) ?? new ZoneStock(zoneId, instanceType, "WithStock");

    /// <summary>A read-only view of the state at one instant.</summary>
    internal readonly struct View(EmulatorState state, DateTimeOffset now)
    {
        public DateTimeOffset Now => now;

        public bool IsRegion(string regionId) => state._regions.Contains(regionId);

        public EmulatorAccount? Account(string accessKeyId) => state._accounts.GetValueOrDefault(accessKeyId);

        public InstanceTypeSpec? Type(string instanceType) => state._catalog.GetValueOrDefault(instanceType);

        /// <summary>The catalog, in the seed's order, copied while the lock is held.</summary>
        public IReadOnlyList<InstanceTypeSpec> Types => [.. state._catalog.Values];

        public EmulatorInstance? Instance(string instanceId) =>
            state._instances.TryGetValue(instanceId, out var instance) ? AsOf(instance, now) : null;

        /// <summary>Every instance as it is now, copied while the lock is held.</summary>
        public IReadOnlyList<EmulatorInstance> Instances
        {
            get
            {
                var at = now;
                return [.. state._instances.Values.Select(i => AsOf(i, at))];
            }
        }

        public ZoneStock Stock(string zoneId, string instanceType) => state.StockOf(zoneId, instanceType);
    }
}
