namespace AliEcsSpec.Emulator;

/// <summary>
/// The emulator's state: accounts, regions, the catalog, instances, orders, committed changes and the request log.
/// Every read returns a snapshot; every change happens under one lock, so rules see a consistent world. Changes that
/// come due are stored by one explicit step taken before every change; a read only shows them, it never stores.
/// </summary>
public sealed partial class EmulatorState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _applyDelay;
    private readonly EmulatorSeed _seed;
    private readonly HashSet<string> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceTypeSpec> _catalog = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ZoneId, string InstanceType), ZoneStock> _stock = [];
    private readonly List<EmulatorOrder> _orders = [];
    private readonly List<EmulatorChange> _changes = [];
    private readonly RequestLog _requests = new();
    private readonly Dictionary<(string AccessKeyId, string Action, string ClientToken), IdempotentResult> _idempotent = [];
    private readonly Dictionary<string, EmulatorRole> _roles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _oidcProviders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StsSession> _stsSessions = new(StringComparer.Ordinal);
    private long _nextOrderId;

    internal EmulatorState(EmulatorSeed seed, TimeProvider time, TimeSpan applyDelay)
    {
        _time = time;
        _applyDelay = applyDelay;
        _seed = seed;
        var valid = ValidatedSeed.Check(seed);
        Load(valid);
        FirstAccount = valid.FirstAccount;
        EcsMetadataRoleName = seed.EcsMetadataRoleName;
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

    /// <summary>Every instance as it is now: a pending type change that is due shows as in effect.</summary>
    public IReadOnlyList<EmulatorInstance> Instances
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                return [.. _instances.Values.Select(i => AsOf(i, now))];
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
    public IReadOnlyList<RequestLogEntry> RequestLog => _requests.Entries;

    /// <summary>One instance as it is now (a pending type change that is due shows as in effect), or null.</summary>
    /// <param name="instanceId">The instance ID.</param>
    /// <returns>The instance, or null when unknown.</returns>
    public EmulatorInstance? GetInstance(string instanceId)
    {
        lock (_gate)
        {
            return _instances.TryGetValue(instanceId, out var instance) ? AsOf(instance, _time.GetUtcNow()) : null;
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
            var now = _time.GetUtcNow();
            ApplyDueChangesLocked(now);
            var instance = _instances[instanceId];
            if (instance.PendingInstanceType is not null && instance.PendingAppliesAt is null)
            {
                _instances[instanceId] = instance with { PendingAppliesAt = now + _applyDelay };
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
    /// Runs <paramref name="work"/> with exclusive access to the mutable state, starting from the world as it is now:
    /// changes that came due are applied first, so a rule never decides on a stale instance.
    /// </summary>
    internal T Transact<T>(Func<Transaction, T> work)
    {
        lock (_gate)
        {
            ApplyDueChangesLocked(_time.GetUtcNow());
            return work(new Transaction(this));
        }
    }

    internal void Record(RequestLogEntry entry) => _requests.Record(entry);

    internal EmulatorSnapshot Snapshot()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return new EmulatorSnapshot(
                [.. _accounts.Values.Select(a => new AccountView(a.AccessKeyId, a.Balance, a.InArrears))],
                [.. _instances.Values.Select(i => AsOf(i, now))],
                [.. _orders],
                [.. _changes],
                _requests.Entries);
        }
    }

    private void SetStatus(string instanceId, InstanceStatus status)
    {
        lock (_gate)
        {
            // Stored first: stopping must not take back a downgrade that already took effect while the instance ran.
            ApplyDueChangesLocked(_time.GetUtcNow());
            _instances[instanceId] = _instances[instanceId] with { Status = status };
        }
    }
}
