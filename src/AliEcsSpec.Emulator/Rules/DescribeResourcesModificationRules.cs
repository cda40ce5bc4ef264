using System.Globalization;
using System.Text.Json;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// The rules of DescribeResourcesModification (Alibaba Cloud API reference, current English revision and the older
/// Simplified Chinese one): what an instance can change to in its zone, each value with its stock. A read.
/// </summary>
internal sealed class DescribeResourcesModificationRules(EmulatorState state)
{
    private static readonly string[] OperationTypes = ["Upgrade", "Downgrade", "RenewDowngrade", "RenewModify"];

    /// <summary>The system disk categories the emulator offers for every type (an inference: no catalog of disks).</summary>
    private static readonly string[] DiskCategories = ["cloud_efficiency", "cloud_ssd", "cloud_essd"];

    public RpcOutcome Handle(string accessKeyId, IReadOnlyDictionary<string, string> p)
    {
        if (CheckForm(p) is { } formError)
        {
            return formError;
        }

        var regionId = p["RegionId"];
        var destination = p["DestinationResource"];
        var operation = p.GetValueOrDefault("OperationType", "Upgrade");
        var withConditions = p.ContainsKey("Conditions.1");
        return state.Read(view =>
        {
            if (!view.IsRegion(regionId))
            {
                return new ServiceError(404, "InvalidRegionId.NotFound", "The RegionId provided does not exist in our records.");
            }

            var instance = view.Instance(p["ResourceId"]);
            if (instance is null || instance.Released || instance.AccessKeyId != accessKeyId || instance.RegionId != regionId)
            {
                return new ServiceError(404, "InvalidResourceId.NotFound", "The specified ResourceId is not found in our records.");
            }

            // "Valid values for pay-as-you-go resources: Upgrade" (both revisions).
            if (instance.ChargeType == InstanceChargeType.PostPaid && operation != "Upgrade")
            {
                return new ServiceError(400, "Invalid.OperationType", "The specified operationType is not valid.");
            }

            if (destination == "SystemDisk" && view.Type(p["InstanceType"]) is null)
            {
                return Parameters.Invalid("InstanceType", p["InstanceType"]);
            }

            var zone = instance.Zone;
            var offered = destination == "SystemDisk"
                ? [.. DiskCategories.Select(c => new Offer(c, "WithStock", 20, 32768, "GiB"))]
                : InstanceTypes(view, instance, operation, p).Select(t => new Offer(t.InstanceType, view.Stock(zone, t.InstanceType).StatusCategory)).ToList();
            if (p.TryGetValue("ZoneId", out var wantedZone) && wantedZone != zone)
            {
                offered = [];
            }

            return new RpcOutcome(null) { Body = json => Write(json, regionId, zone, destination, offered, withConditions) };
        });
    }

    /// <summary>
    /// The instance types an instance may change to (an inference: the service's compatibility tables are not
    /// public): every other type of the catalog, larger ones for an upgrade of a subscription, smaller ones for its
    /// downgrades, both for a pay-as-you-go instance (whose only documented OperationType is Upgrade).
    /// </summary>
    private static IEnumerable<InstanceTypeSpec> InstanceTypes(
        EmulatorState.View view, EmulatorInstance instance, string operation, IReadOnlyDictionary<string, string> p)
    {
        // A downgrade waiting for the next start has already changed the contract: offers start from it.
        var current = view.Type(instance.PendingInstanceType ?? instance.InstanceType)!;
        var cores = p.TryGetValue("Cores", out var c) ? Parameters.Int(c) : null;
        var memory = p.TryGetValue("Memory", out var m) ? decimal.Parse(m, NumberStyles.Float, CultureInfo.InvariantCulture) : (decimal?)null;
        return view.Types.Where(t =>
        {
            var direction = t.CompareSize(current);
            var wanted = instance.ChargeType == InstanceChargeType.PostPaid || operation == "RenewModify"
                ? direction != 0
                : operation == "Upgrade" ? direction > 0 : direction < 0;
            return wanted && t.InstanceType != current.InstanceType
                && (cores is null || t.Cpu == cores) && (memory is null || t.MemoryGiB == memory);
        });
    }

    private static ServiceError? CheckForm(IReadOnlyDictionary<string, string> p)
    {
        foreach (var name in new[] { "RegionId", "ResourceId" })
        {
            if (!p.TryGetValue(name, out var value) || value.Length == 0)
            {
                return ServiceError.MissingParameter(name);
            }
        }

        if (!p.TryGetValue("DestinationResource", out var destination) || destination.Length == 0)
        {
            return new ServiceError(400, "Invalid.Param", "The input parameter DestinationResource that is mandatory for processing this request is not supplied.");
        }

        if (destination is not ("InstanceType" or "SystemDisk"))
        {
            return new ServiceError(404, "Invalid.DestinationResource", "The specified DestinationResource is not valid.");
        }

        if (p.TryGetValue("OperationType", out var operation) && !OperationTypes.Contains(operation))
        {
            return new ServiceError(400, "Invalid.OperationType", "The specified operationType is not valid.");
        }

        if (destination == "SystemDisk" && p.ContainsKey("Cores"))
        {
            return new ServiceError(403, "InvalidParam.Cores", "The specified parameter 'Cores' should be empty.");
        }

        if (destination == "SystemDisk" && p.ContainsKey("Memory"))
        {
            return new ServiceError(403, "InvalidParam.Memory", "The specified parameter 'Memory' should be empty.");
        }

        if (destination == "SystemDisk" && !p.ContainsKey("InstanceType"))
        {
            return ServiceError.MissingParameter("InstanceType");
        }

        if (destination == "InstanceType" && p.ContainsKey("InstanceType") && (p.ContainsKey("Cores") || p.ContainsKey("Memory")))
        {
            return new ServiceError(403, "InvalidParam.TypeAndCpuMem.Conflict", "The specified 'InstanceType' and 'Cores','Memory' are not blank at the same time.");
        }

        if (p.TryGetValue("Cores", out var cores) && Parameters.Int(cores) is null)
        {
            return Parameters.Invalid("Cores", cores);
        }

        if (p.TryGetValue("Memory", out var memory) && !decimal.TryParse(memory, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return Parameters.Invalid("Memory", memory);
        }

        if (p.Where(kv => kv.Key.StartsWith("Conditions.", StringComparison.Ordinal)).Any(kv => kv.Value != "DiskCategory"))
        {
            return new ServiceError(400, "InvalidCondition.Malformed", "The specified Condition is not valid.");
        }

        return Parameters.FirstBadBool(p, "MigrateAcrossZone");
    }

    private static void Write(Utf8JsonWriter json, string regionId, string zone, string type, IReadOnlyList<Offer> offered, bool withConditions)
    {
        json.WriteStartObject("AvailableZones");
        json.WriteStartArray("AvailableZone");
        if (offered.Count > 0)
        {
            var inStock = offered.Any(o => o.HasStock);
            json.WriteStartObject();
            json.WriteString("ZoneId", zone);
            json.WriteString("RegionId", regionId);
            json.WriteString("Status", inStock ? "Available" : "SoldOut");
            json.WriteString("StatusCategory", inStock ? "WithStock" : "WithoutStock");
            json.WriteStartObject("AvailableResources");
            json.WriteStartArray("AvailableResource");
            json.WriteStartObject();
            json.WriteString("Type", type);
            WriteOffers(json, "SupportedResources", "SupportedResource", offered, condition: null);
            if (withConditions)
            {
                WriteOffers(json, "ConditionSupportedResources", "ConditionSupportedResource", offered, "DiskCategory");
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOffers(Utf8JsonWriter json, string list, string item, IReadOnlyList<Offer> offered, string? condition)
    {
        json.WriteStartObject(list);
        json.WriteStartArray(item);
        foreach (var offer in offered)
        {
            json.WriteStartObject();
            json.WriteString("Value", offer.Value);
            json.WriteString("Status", offer.HasStock ? "Available" : "SoldOut");
            json.WriteString("StatusCategory", offer.StatusCategory);
            if (offer.Unit is not null)
            {
                json.WriteNumber("Min", offer.Min);
                json.WriteNumber("Max", offer.Max);
                json.WriteString("Unit", offer.Unit);
            }

            if (condition is not null)
            {
                json.WriteStartObject("Conditions");
                json.WriteStartArray("Condition");
                json.WriteStartObject();
                json.WriteString("Key", condition);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private sealed record Offer(string Value, string StatusCategory, int Min = 0, int Max = 0, string? Unit = null)
    {
        public bool HasStock => StatusCategory is "WithStock" or "ClosedWithStock";
    }
}
