namespace AliEcsSpec.Emulator;

/// <summary>
/// The emulator's state: accounts, regions, the catalog, instances, orders, committed changes and the request log.
/// Every read returns a snapshot; every change happens under one lock, so rules see a consistent world.
/// </summary>
public sealed partial class EmulatorState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _applyDelay;
    private readonly HashSet<string> _regions;
    private readonly Dictionary<string, EmulatorAccount> _accounts;
    private readonly Dictionary<string, InstanceTypeSpec> _catalog;
    private readonly Dictionary<string, EmulatorInstance> _instances;
    private readonly List<EmulatorOrder> _orders = [];
    private readonly List<EmulatorChange> _changes = [];
    private readonly List<RequestLogEntry> _requests = [];
    private readonly Dictionary<(string AccessKeyId, string Action, string ClientToken), IdempotentResult> _idempotent = [];
    private readonly Dictionary<string, EmulatorRole> _roles;
    private readonly HashSet<string> _oidcProviders;
    private readonly Dictionary<string, StsSession> _stsSessions = new(StringComparer.Ordinal);
    private long _nextOrderId = 202_611_230_000_001;

    internal EmulatorState(EmulatorSeed seed, TimeProvider time, TimeSpan applyDelay)
    {
        _time = time;
        _applyDelay = applyDelay;
        // A seed read from JSON leaves absent lists null; a seed from code may reference what does not exist.
        // Both are refused here, with the reason, rather than as a NullReferenceException on some later request.
        var accounts = seed.Accounts ?? [];
        var instanceTypes = seed.InstanceTypes ?? [];
        var instances = seed.Instances ?? [];
        _regions = new HashSet<string>(seed.Regions ?? [], StringComparer.Ordinal);
        _accounts = UniqueBy(accounts, a => a.AccessKeyId, "account AccessKeyId");
        _catalog = UniqueBy(instanceTypes, t => t.InstanceType, "instance type");
        _instances = UniqueBy(instances, i => i.InstanceId, "instance ID");
        _roles = UniqueBy(seed.Roles ?? [], r => r.RoleArn, "role ARN");
        _oidcProviders = new HashSet<string>(seed.OidcProviderArns ?? [], StringComparer.Ordinal);
        EcsMetadataRoleName = seed.EcsMetadataRoleName;
        FirstAccount = accounts.Count > 0 ? accounts[0] : throw new ArgumentException("The seed needs at least one account.", nameof(seed));
        foreach (var instance in instances)
        {
            var problem = !_accounts.ContainsKey(instance.AccessKeyId) ? $"its account {instance.AccessKeyId} is not in the seed"
                : !_regions.Contains(instance.RegionId) ? $"its region {instance.RegionId} is not in the seed"
                : !_catalog.ContainsKey(instance.InstanceType) ? $"its type {instance.InstanceType} is not in the catalog"
                : null;
            if (problem is not null)
            {
                throw new ArgumentException($"Seed instance {instance.InstanceId}: {problem}.", nameof(seed));
            }
        }
    }

    /// <summary>The first account of the seed: the demo account an emulator hands out.</summary>
    internal EmulatorAccount FirstAccount { get; }

    /// <summary>The RAM role the metadata service stand-in reports, if any.</summary>
    public string? EcsMetadataRoleName { get; }

    /// <summary>Every account.</summary>
    public IReadOnlyList<EmulatorAccount> Accounts
    {
        get
        {
            lock (_gate)
            {
                return [.. _accounts.Values];
            }
        }
    }

    /// <summary>Every instance, with pending type changes applied where they are due.</summary>
    public IReadOnlyList<EmulatorInstance> Instances
    {
        get
        {
            lock (_gate)
            {
                return [.. _instances.Keys.Select(CurrentLocked)];
            }
        }
    }

    /// <summary>Every order, oldest first.</summary>
    public IReadOnlyList<EmulatorOrder> Orders
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders];
            }
        }
    }

    /// <summary>Every committed change, oldest first.</summary>
    public IReadOnlyList<EmulatorChange> Changes
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    /// <summary>Every request received, oldest first, with security and OIDC tokens shown as <c>***</c>.</summary>
    public IReadOnlyList<RequestLogEntry> RequestLog
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>One instance as it is now, or null.</summary>
    /// <param name="instanceId">The instance ID.</param>
    /// <returns>The instance, or null when unknown.</returns>
    public EmulatorInstance? GetInstance(string instanceId)
    {
        lock (_gate)
        {
            return _instances.ContainsKey(instanceId) ? CurrentLocked(instanceId) : null;
        }
    }

    /// <summary>One account, or null.</summary>
    /// <param name="accessKeyId">The AccessKey ID.</param>
    /// <returns>The account, or null when unknown.</returns>
    public EmulatorAccount? GetAccount(string accessKeyId)
    {
        lock (_gate)
        {
            return _accounts.GetValueOrDefault(accessKeyId);
        }
    }

    /// <summary>Adds or replaces an instance.</summary>
    /// <param name="instance">The instance.</param>
    public void PutInstance(EmulatorInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        lock (_gate)
        {
            _instances[instance.InstanceId] = instance;
        }
    }

    /// <summary>Adds or replaces an account.</summary>
    /// <param name="account">The account.</param>
    public void PutAccount(EmulatorAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            _accounts[account.AccessKeyId] = account;
        }
    }

    /// <summary>Starts an instance (a pending downgrade takes effect once due).</summary>
    /// <param name="instanceId">The instance ID.</param>
    public void StartInstance(string instanceId) => SetStatus(instanceId, InstanceStatus.Running);

    /// <summary>Stops an instance.</summary>
    /// <param name="instanceId">The instance ID.</param>
    public void StopInstance(string instanceId) => SetStatus(instanceId, InstanceStatus.Stopped);

    /// <summary>Pays every unpaid order of an instance; a change waiting for payment then applies after the delay.</summary>
    /// <param name="instanceId">The instance ID.</param>
    public void PayOrders(string instanceId)
    {
        lock (_gate)
        {
            var instance = CurrentLocked(instanceId);
            if (instance.PendingInstanceType is not null && instance.PendingAppliesAt is null)
            {
                _instances[instanceId] = instance with { PendingAppliesAt = _time.GetUtcNow() + _applyDelay };
            }

            for (var i = 0; i < _orders.Count; i++)
            {
                if (_orders[i].InstanceId == instanceId && !_orders[i].Paid && !_orders[i].Abnormal)
                {
                    _orders[i] = _orders[i] with { Paid = true };
                }
            }

            _instances[instanceId] = _instances[instanceId] with { HasUnpaidOrder = false };
        }
    }

    /// <summary>
    /// The log is read by tests, printed by tools and served by the admin route, which may be open to a whole
    /// machine: tokens are masked when a request is recorded, so no view of the log can show one.
    /// </summary>
    private static Dictionary<string, string> Masked(IReadOnlyDictionary<string, string> parameters) =>
        parameters.ToDictionary(
            p => p.Key,
            p => p.Key is "SecurityToken" or "OIDCToken" ? "***" : p.Value,
            StringComparer.Ordinal);

    private static Dictionary<string, T> UniqueBy<T>(IEnumerable<T> items, Func<T, string> key, string what)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!result.TryAdd(key(item), item))
            {
                throw new ArgumentException($"The seed has the {what} {key(item)} twice.", nameof(items));
            }
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> with exclusive access to the mutable state.</summary>
    internal T Transact<T>(Func<Transaction, T> work)
    {
        lock (_gate)
        {
            return work(new Transaction(this));
        }
    }

    internal void Record(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _requests.Add(entry with { Parameters = Masked(entry.Parameters) });
        }
    }

    internal EmulatorSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new EmulatorSnapshot(
                [.. _accounts.Values.Select(a => new AccountView(a.AccessKeyId, a.Balance, a.InArrears))],
                [.. _instances.Keys.Select(CurrentLocked)],
                [.. _orders],
                [.. _changes],
                [.. _requests]);
        }
    }

    private void SetStatus(string instanceId, InstanceStatus status)
    {
        lock (_gate)
        {
            _instances[instanceId] = CurrentLocked(instanceId) with { Status = status };
        }
    }

    /// <summary>The instance with a due pending type applied (and stored), as the service would show it.</summary>
    private EmulatorInstance CurrentLocked(string instanceId)
    {
        var instance = _instances[instanceId];
        if (instance.PendingInstanceType is { } pending
            && _time.GetUtcNow() >= instance.PendingAppliesAt
            && (!instance.PendingNeedsStart || instance.Status == InstanceStatus.Running))
        {
            instance = instance with
            {
                InstanceType = pending,
                PendingInstanceType = null,
                PendingAppliesAt = null,
                PendingNeedsStart = false,
            };
            _instances[instanceId] = instance;
        }

        return instance;
    }
}
