using System.Text.Json;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// The rules of DescribeInstances (Alibaba Cloud API reference, DescribeInstances): the caller's instances of a region
/// as they are now, filtered, in pages by <c>NextToken</c>/<c>MaxResults</c> or <c>PageNumber</c>/<c>PageSize</c>.
/// A read: it stores nothing, not even a change that came due.
/// </summary>
internal sealed class DescribeInstancesRules(EmulatorState state)
{
    /// <summary>Filters on what the emulator does not model (networks, images, tags …): they match no instance.</summary>
    private static readonly string[] UnmodelledFilters =
    [
        "VpcId", "VSwitchId", "SecurityGroupId", "ImageId", "KeyPairName", "ResourceGroupId", "HpcClusterId", "InstanceName",
        "InnerIpAddresses", "PrivateIpAddresses", "PublicIpAddresses", "EipAddresses", "RdmaIpAddresses", "HttpEndpoint", "HttpTokens",
    ];

    public RpcOutcome Handle(string accessKeyId, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("RegionId", out var regionId) || regionId.Length == 0)
        {
            return ServiceError.MissingParameter("RegionId");
        }

        if (CheckForm(p) is { } formError)
        {
            return formError;
        }

        if (Ids(p, out var ids) is { } idsError)
        {
            return idsError;
        }

        var page = DescribeInstancesPage.Of(p);
        if (page.Error is { } pageError)
        {
            return pageError;
        }

        return state.Read(view =>
        {
            if (!view.IsRegion(regionId))
            {
                return new ServiceError(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
            }

            if (Parameters.Bool(p, "DryRun", false) == true)
            {
                return ServiceError.DryRunPassed;
            }

            var matching = view.Instances
                .Where(i => i.AccessKeyId == accessKeyId && i.RegionId == regionId && !i.Released && Matches(i, p, ids))
                .OrderBy(i => i.InstanceId, StringComparer.Ordinal)
                .ToList();
            var (shown, nextToken) = page.Take(matching);
            var types = view.Types.ToDictionary(t => t.InstanceType, StringComparer.Ordinal);
            return new RpcOutcome(null) { Body = json => Write(json, shown, matching.Count, nextToken, page, types) };
        });
    }

    private static ServiceError? CheckForm(IReadOnlyDictionary<string, string> p)
    {
        if (Parameters.FirstBadBool(p, "DryRun", "IoOptimized", "DeviceAvailable", "NeedSaleCycle") is { } boolError)
        {
            return boolError;
        }

        if (p.TryGetValue("Status", out var status) && !Enum.TryParse<InstanceStatus>(status, ignoreCase: false, out _) && status != "Pending")
        {
            return new ServiceError(404, "InvalidStatus.NotFound", "The specified Status is not found");
        }

        if (p.TryGetValue("InstanceChargeType", out var charge) && charge is not ("PrePaid" or "PostPaid"))
        {
            return new ServiceError(404, "InvalidInstanceChargeType.NotFound", "The InstanceChargeType does not exist in our records");
        }

        if (p.TryGetValue("InternetChargeType", out var internet) && internet is not ("PayByTraffic" or "PayByBandwidth"))
        {
            return new ServiceError(404, "InvalidInternetChargeType.ValueNotSupported", "The specified InternetChargeType is not valid");
        }

        if (p.TryGetValue("LockReason", out var lockReason) && lockReason is not ("financial" or "security" or "recycling" or "dedicatedhostfinancial" or "refunded"))
        {
            return new ServiceError(404, "InvalidLockReason.NotFound", "The specified LockReason is not found");
        }

        if (p.TryGetValue("InstanceNetworkType", out var network) && network is not ("classic" or "vpc"))
        {
            return new ServiceError(404, "InvalidNetworkType.NotFound", "The specified InstanceNetworkType is not found");
        }

        var tags = p.Keys.Count(k => k.StartsWith("Tag.", StringComparison.Ordinal) && k.EndsWith(".Key", StringComparison.Ordinal));
        return tags > 20 ? new ServiceError(400, "InvalidTagCount", "The specified tags are beyond the permitted range.") : null;
    }

    /// <summary><c>InstanceIds</c>: a JSON array of up to 100 strings; no document gives a malformed one a code.</summary>
    private static ServiceError? Ids(IReadOnlyDictionary<string, string> p, out HashSet<string>? ids)
    {
        ids = null;
        if (!p.TryGetValue("InstanceIds", out var text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array
                || document.RootElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                return Parameters.Invalid("InstanceIds", text);
            }

            ids = [.. document.RootElement.EnumerateArray().Select(e => e.GetString()!)];
        }
        catch (JsonException)
        {
            return Parameters.Invalid("InstanceIds", text);
        }

        return ids.Count > 100 ? ServiceError.InvalidParameter("The specified parameter InstanceIds holds more than 100 instance IDs.") : null;
    }

    private static bool Matches(EmulatorInstance instance, IReadOnlyDictionary<string, string> p, HashSet<string>? ids) =>
        (ids is null || ids.Contains(instance.InstanceId))
        && Is(p, "ZoneId", instance.Zone)
        && Is(p, "Status", instance.Status.ToString())
        && Is(p, "InstanceChargeType", instance.ChargeType.ToString())
        && Is(p, "InternetChargeType", instance.InternetChargeType)
        && Is(p, "InstanceType", instance.InstanceType)
        && Is(p, "InstanceTypeFamily", Family(instance.InstanceType))
        && Is(p, "InstanceNetworkType", "vpc")
        && (!p.TryGetValue("LockReason", out var reason) || instance.LockReasons.Contains(reason))
        && !UnmodelledFilters.Any(p.ContainsKey)
        && !p.Keys.Any(k => k.StartsWith("Tag.", StringComparison.Ordinal));

    private static bool Is(IReadOnlyDictionary<string, string> p, string name, string value) =>
        !p.TryGetValue(name, out var wanted) || string.Equals(wanted, value, StringComparison.Ordinal);

    private static string Family(string instanceType) => instanceType[..Math.Max(0, instanceType.LastIndexOf('.'))];

    private static void Write(
        Utf8JsonWriter json, IReadOnlyList<EmulatorInstance> shown, int total, string? nextToken, DescribeInstancesPage page,
        Dictionary<string, InstanceTypeSpec> types)
    {
        json.WriteNumber("TotalCount", total);
        json.WriteNumber("PageNumber", page.Number);
        json.WriteNumber("PageSize", page.Size);
        json.WriteString("NextToken", nextToken ?? string.Empty);
        json.WriteStartObject("Instances");
        json.WriteStartArray("Instance");
        foreach (var instance in shown)
        {
            DescribedInstance.Write(json, instance, types[instance.InstanceType]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
