namespace AliEcsSpec.Emulator;

/// <summary>
/// A seed checked and indexed once, when the emulator starts. A seed read from JSON leaves absent lists null; a seed
/// from code may reference what does not exist. Both are refused here, with the reason, rather than as a
/// <see cref="NullReferenceException"/> on some later request.
/// </summary>
/// <param name="Regions">The region IDs.</param>
/// <param name="Accounts">The accounts by AccessKey ID.</param>
/// <param name="Catalog">The instance types by name.</param>
/// <param name="Instances">The instances by ID.</param>
/// <param name="Roles">The RAM roles by ARN.</param>
/// <param name="OidcProviders">The OIDC provider ARNs.</param>
/// <param name="FirstAccount">The first account of the seed (the demo account an emulator hands out).</param>
/// <param name="Stock">The stock of the types short of it, by zone and type.</param>
internal sealed record ValidatedSeed(
    HashSet<string> Regions,
    Dictionary<string, EmulatorAccount> Accounts,
    Dictionary<string, InstanceTypeSpec> Catalog,
    Dictionary<string, EmulatorInstance> Instances,
    Dictionary<string, EmulatorRole> Roles,
    HashSet<string> OidcProviders,
    EmulatorAccount FirstAccount,
    Dictionary<(string ZoneId, string InstanceType), ZoneStock> Stock)
{
    /// <summary>Checks <paramref name="seed"/>: unique keys, at least one account, instances that name what exists.</summary>
    /// <exception cref="ArgumentException">The seed is not usable; the message says why.</exception>
    public static ValidatedSeed Check(EmulatorSeed seed)
    {
        var accounts = seed.Accounts ?? [];
        var instances = seed.Instances ?? [];
        var valid = new ValidatedSeed(
            new HashSet<string>(seed.Regions ?? [], StringComparer.Ordinal),
            UniqueBy(accounts, a => a.AccessKeyId, "account AccessKeyId"),
            UniqueBy(seed.InstanceTypes ?? [], t => t.InstanceType, "instance type"),
            UniqueBy(instances, i => i.InstanceId, "instance ID"),
            UniqueBy(seed.Roles ?? [], r => r.RoleArn, "role ARN"),
            new HashSet<string>(seed.OidcProviderArns ?? [], StringComparer.Ordinal),
            accounts.Count > 0 ? accounts[0] : throw new ArgumentException("The seed needs at least one account.", nameof(seed)),
            []);
        foreach (var instance in instances)
        {
            var problem = !valid.Accounts.ContainsKey(instance.AccessKeyId) ? $"its account {instance.AccessKeyId} is not in the seed"
                : !valid.Regions.Contains(instance.RegionId) ? $"its region {instance.RegionId} is not in the seed"
                : !valid.Catalog.ContainsKey(instance.InstanceType) ? $"its type {instance.InstanceType} is not in the catalog"
                : null;
            if (problem is not null)
            {
                throw new ArgumentException($"Seed instance {instance.InstanceId}: {problem}.", nameof(seed));
            }
        }

        foreach (var stock in seed.Stock ?? [])
        {
            var problem = !valid.Catalog.ContainsKey(stock.InstanceType) ? $"the type {stock.InstanceType} is not in the catalog"
                : !ZoneStock.Categories.Contains(stock.StatusCategory) ? $"{stock.StatusCategory} is not a stock category ({string.Join(", ", ZoneStock.Categories)})"
                : !valid.Stock.TryAdd((stock.ZoneId, stock.InstanceType), stock) ? "it is listed twice"
                : null;
            if (problem is not null)
            {
                throw new ArgumentException($"Seed stock of {stock.InstanceType} in {stock.ZoneId}: {problem}.", nameof(seed));
            }
        }

        return valid;
    }

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
}
