namespace AliEcsSpec.Emulator;

/// <summary>
/// The emulator's state: accounts, regions, the catalog, instances, orders, committed changes and the request log.
/// Every read returns a snapshot; every change happens under one lock, so rules see a consistent world.
/// </summary>
public sealed class EmulatorState
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

    /// <summary>Every STS session issued (AssumeRole, AssumeRoleWithOIDC, the metadata service), including expired ones.</summary>
    public IReadOnlyList<StsSession> StsSessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _stsSessions.Values];
            }
        }
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
                if (_orders[i].InstanceId == instanceId && !_orders[i].Paid)
                {
                    _orders[i] = _orders[i] with { Paid = true };
                }
            }

            _instances[instanceId] = _instances[instanceId] with { HasUnpaidOrder = false };
        }
    }

    /// <summary>The admin route may be open to a whole machine: it shows tokens as <c>***</c>.</summary>
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

    /// <summary>Who an AccessKey ID signs for: an account's own key, or an STS session acting for an account.</summary>
    internal Principal? PrincipalOf(string accessKeyId)
    {
        lock (_gate)
        {
            if (_accounts.TryGetValue(accessKeyId, out var account))
            {
                return new Principal(account.AccessKeySecret, account.AccessKeyId, null, null);
            }

            return _stsSessions.TryGetValue(accessKeyId, out var session)
                ? new Principal(session.AccessKeySecret, session.AccountAccessKeyId, session.SecurityToken, session.Expiration)
                : null;
        }
    }

    internal EmulatorRole? Role(string roleArn)
    {
        lock (_gate)
        {
            return _roles.GetValueOrDefault(roleArn);
        }
    }

    /// <summary>The ARN of the seed's role called <paramref name="roleName"/> (<c>acs:ram::…:role/{name}</c>), if any.</summary>
    internal string? RoleArnNamed(string roleName)
    {
        lock (_gate)
        {
            return _roles.Keys.FirstOrDefault(arn => arn.EndsWith(":role/" + roleName, StringComparison.Ordinal));
        }
    }

    internal bool IsOidcProvider(string arn)
    {
        lock (_gate)
        {
            return _oidcProviders.Contains(arn);
        }
    }

    /// <summary>Issues temporary credentials acting for <paramref name="accountAccessKeyId"/>'s account.</summary>
    internal StsSession IssueSession(string accountAccessKeyId, string roleArn, TimeSpan lifetime)
    {
        var session = new StsSession(
            "STS." + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)),
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
            "CAIS" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            accountAccessKeyId,
            roleArn,
            _time.GetUtcNow() + lifetime);
        lock (_gate)
        {
            _stsSessions[session.AccessKeyId] = session;
        }

        return session;
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
                [.. _requests.Select(r => r with { Parameters = Masked(r.Parameters) })]);
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

/// <summary>Who a request is signed by.</summary>
/// <param name="Secret">The secret the signature must use.</param>
/// <param name="AccountAccessKeyId">The account it acts for.</param>
/// <param name="SecurityToken">The STS token the request must carry, for temporary credentials.</param>
/// <param name="Expiration">When temporary credentials stop working.</param>
internal sealed record Principal(string Secret, string AccountAccessKeyId, string? SecurityToken, DateTimeOffset? Expiration);

/// <summary>Temporary credentials the emulator issued.</summary>
/// <param name="AccessKeyId">The temporary AccessKey ID (<c>STS.…</c>).</param>
/// <param name="AccessKeySecret">The temporary secret.</param>
/// <param name="SecurityToken">The security token requests must carry.</param>
/// <param name="AccountAccessKeyId">The account the session acts for.</param>
/// <param name="RoleArn">The role assumed.</param>
/// <param name="Expiration">When it expires.</param>
public sealed record StsSession(
    string AccessKeyId, string AccessKeySecret, string SecurityToken, string AccountAccessKeyId, string RoleArn, DateTimeOffset Expiration)
{
    /// <inheritdoc />
    public override string ToString() => $"StsSession {{ AccessKeyId = {AccessKeyId}, RoleArn = {RoleArn}, Expiration = {Expiration:O} }}";
}
