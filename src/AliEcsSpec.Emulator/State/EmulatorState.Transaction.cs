namespace AliEcsSpec.Emulator;

/// <summary>The rules' access to the state, under its lock.</summary>
public sealed partial class EmulatorState
{
    /// <summary>The operations a rule may perform while holding the lock.</summary>
    internal readonly struct Transaction(EmulatorState state)
    {
        public DateTimeOffset Now => state._time.GetUtcNow();

        public bool IsRegion(string regionId) => state._regions.Contains(regionId);

        public EmulatorAccount? Account(string accessKeyId) => state._accounts.GetValueOrDefault(accessKeyId);

        public InstanceTypeSpec? Type(string instanceType) => state._catalog.GetValueOrDefault(instanceType);

        /// <summary>The instance as stored: the transaction has already applied what came due.</summary>
        public EmulatorInstance? Instance(string instanceId) => state._instances.GetValueOrDefault(instanceId);

        public void Put(EmulatorInstance instance) => state._instances[instance.InstanceId] = instance;

        /// <summary>The stock of <paramref name="instanceType"/> in <paramref name="zoneId"/>: in stock unless the seed says otherwise.</summary>
        public ZoneStock Stock(string zoneId, string instanceType) => state.StockOf(zoneId, instanceType);

        public void Put(EmulatorAccount account) => state._accounts[account.AccessKeyId] = account;

        public string AddOrder(
            string instanceId, string accessKeyId, string? clientToken, string from, string to, decimal amount, bool paid, bool abnormal = false)
        {
            var id = (state._nextOrderId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            state._orders.Add(new EmulatorOrder(id, instanceId, accessKeyId, clientToken, from, to, amount, paid, Now) { Abnormal = abnormal });
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
