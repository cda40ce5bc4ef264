namespace AliEcsSpec.Emulator;

/// <summary>Loading the seed: when the emulator starts, and again whenever a test or an admin call resets it.</summary>
public sealed partial class EmulatorState
{
    // The first order ID of a fresh emulator: a date-like number, as the service's are, and the same after a reset.
    private const long FirstOrderId = 202_611_230_000_001;

    /// <summary>
    /// Puts the state back to the seed it started from: the seed's accounts and instances, and no orders, changes,
    /// ClientToken results, STS sessions or request log. Scripted and random faults and throttling are kept (they
    /// belong to <see cref="EcsEmulator.Faults"/> and <see cref="EcsEmulator.Throttling"/>).
    /// </summary>
    public void Reset()
    {
        var valid = ValidatedSeed.Check(_seed);
        lock (_gate)
        {
            Load(valid);
        }

        _requests.Clear();
    }

    /// <summary>Replaces everything with <paramref name="valid"/>'s world; the collections stay the same objects.</summary>
    private void Load(ValidatedSeed valid)
    {
        Refill(_regions, valid.Regions);
        Refill(_accounts, valid.Accounts);
        Refill(_catalog, valid.Catalog);
        Refill(_instances, valid.Instances);
        Refill(_roles, valid.Roles);
        Refill(_oidcProviders, valid.OidcProviders);
        Refill(_stock, valid.Stock);
        _orders.Clear();
        _changes.Clear();
        _idempotent.Clear();
        _stsSessions.Clear();
        _nextOrderId = FirstOrderId;

        static void Refill<T>(ICollection<T> target, IEnumerable<T> source)
        {
            target.Clear();
            foreach (var item in source)
            {
                target.Add(item);
            }
        }
    }
}
