namespace AliEcsSpec.Emulator;

/// <summary>
/// The emulator's state: accounts, regions, the catalog, instances, orders, committed changes and the request log.
/// Every read returns a snapshot; every change happens under one lock, so rules see a consistent world.
/// </summary>
public sealed class EmulatorState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly HashSet<string> _regions;
    private readonly Dictionary<string, EmulatorAccount> _accounts;
    private readonly Dictionary<string, InstanceTypeSpec> _catalog;
    private readonly Dictionary<string, EmulatorInstance> _instances;
    private readonly List<EmulatorOrder> _orders = [];
    private readonly List<EmulatorChange> _changes = [];
    private readonly List<RequestLogEntry> _requests = [];
    private readonly Dictionary<(string AccessKeyId, string Action, string ClientToken), IdempotentResult> _idempotent = [];
    private long _nextOrderId = 202_611_230_000_001;

    internal EmulatorState(EmulatorSeed seed, TimeProvider time)
    {
        _time = time;
        _regions = new HashSet<string>(seed.Regions, StringComparer.Ordinal);
        _accounts = seed.Accounts.ToDictionary(a => a.AccessKeyId, StringComparer.Ordinal);
        _catalog = seed.InstanceTypes.ToDictionary(t => t.InstanceType, StringComparer.Ordinal);
        _instances = seed.Instances.ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
    }

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

    /// <summary>Every request received, oldest first.</summary>
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

    /// <summary>Pays every unpaid order of an instance.</summary>
    /// <param name="instanceId">The instance ID.</param>
    public void PayOrders(string instanceId)
    {
        lock (_gate)
        {
            for (var i = 0; i < _orders.Count; i++)
            {
                if (_orders[i].InstanceId == instanceId && !_orders[i].Paid)
                {
                    _orders[i] = _orders[i] with { Paid = true };
                }
            }

            _instances[instanceId] = _instances[instanceId] with { HasUnpaidOrder = false };
        }
    }

    internal string? SecretOf(string accessKeyId) => GetAccount(accessKeyId)?.AccessKeySecret;

    internal bool IsRegion(string regionId)
    {
        lock (_gate)
        {
            return _regions.Contains(regionId);
        }
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
            _requests.Add(entry);
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

    /// <summary>The operations a rule may perform while holding the lock.</summary>
    internal readonly struct Transaction(EmulatorState state)
    {
        public DateTimeOffset Now => state._time.GetUtcNow();

        public bool IsRegion(string regionId) => state._regions.Contains(regionId);

        public EmulatorAccount? Account(string accessKeyId) => state._accounts.GetValueOrDefault(accessKeyId);

        public InstanceTypeSpec? Type(string instanceType) => state._catalog.GetValueOrDefault(instanceType);

        public EmulatorInstance? Instance(string instanceId) =>
            state._instances.ContainsKey(instanceId) ? state.CurrentLocked(instanceId) : null;

        public void Put(EmulatorInstance instance) => state._instances[instance.InstanceId] = instance;

        public void Put(EmulatorAccount account) => state._accounts[account.AccessKeyId] = account;

        public string AddOrder(string instanceId, string accessKeyId, string? clientToken, string from, string to, decimal amount, bool paid)
        {
            var id = (state._nextOrderId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            state._orders.Add(new EmulatorOrder(id, instanceId, accessKeyId, clientToken, from, to, amount, paid, Now));
            return id;
        }

        public IdempotentResult? Replay(string accessKeyId, string action, string clientToken) =>
            state._idempotent.GetValueOrDefault((accessKeyId, action, clientToken));

        public void Remember(string accessKeyId, string action, string clientToken, IdempotentResult result) =>
            state._idempotent[(accessKeyId, action, clientToken)] = result;

        public void AddChange(string action, string instanceId, string? clientToken, string description) =>
            state._changes.Add(new EmulatorChange(action, instanceId, clientToken, description, Now));
    }
}

/// <summary>The first successful result of a ClientToken, and the parameters it was made with.</summary>
/// <param name="Fingerprint">The operation's parameters, canonicalized.</param>
/// <param name="OrderId">The order it created, if any.</param>
internal sealed record IdempotentResult(string Fingerprint, string? OrderId);
