using System.Globalization;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>The rules of ModifyInstanceSpec, each answering with its documented code and HTTP status.</summary>
internal sealed class ModifyInstanceSpecRules(EmulatorState state, EcsEmulatorOptions options)
{
    private static readonly string[] BandwidthParameters =
        ["InternetMaxBandwidthOut", "InternetMaxBandwidthIn", "Temporary.StartTime", "Temporary.EndTime", "Temporary.InternetMaxBandwidthOut"];

    public RpcOutcome Handle(string accessKeyId, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("InstanceId", out var instanceId) || instanceId.Length == 0)
        {
            return EcsFault.MissingParameter("InstanceId");
        }

        var instanceType = p.GetValueOrDefault("InstanceType");
        var changesBandwidth = BandwidthParameters.Any(p.ContainsKey);
        if (instanceType is not null && changesBandwidth)
        {
            return new EcsFault(400, "InvalidParameter.Mismatch", "Too many parameters in one request.");
        }

        if (instanceType is null && !changesBandwidth)
        {
            return EcsFault.MissingParameter("InstanceType");
        }

        if (Parameters.ParseBool(p, "Async", false) is null || Parameters.ParseBool(p, "AllowMigrateAcrossZone", false) is null)
        {
            return new EcsFault(400, "InvalidParameter.AllowMigrateAcrossZone", "The specified parameter CanMigrateAcrossZone is not valid.");
        }

        if (p.TryGetValue("SystemDisk.Category", out var systemDisk) && systemDisk is not ("cloud_efficiency" or "cloud_ssd"))
        {
            return new EcsFault(400, "InvalidParam.SystemDiskCategory", "The specified param SystemDisk.Category is not valid.");
        }

        if (changesBandwidth && CheckBandwidth(p) is { } bandwidthFault)
        {
            return bandwidthFault;
        }

        return state.Transact(tx =>
        {
            if (p.TryGetValue("RegionId", out var regionId) && !tx.IsRegion(regionId))
            {
                return new EcsFault(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
            }

            if (Idempotency.Check(tx, accessKeyId, EcsActions.ModifyInstanceSpec, p) is { } replay)
            {
                return replay;
            }

            var account = tx.Account(accessKeyId)!;
            var instance = tx.Instance(instanceId);
            if (instance is null || instance.Released || instance.AccessKeyId != accessKeyId || (regionId is not null && instance.RegionId != regionId))
            {
                return new EcsFault(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
            }

            if (account.InArrears)
            {
                return new EcsFault(400, "Account.Arrearage", "Your account has an outstanding payment.");
            }

            if (instance.ChargeType != InstanceChargeType.PostPaid)
            {
                return new EcsFault(403, "ChargeTypeViolation", "The operation is not permitted due to charge type of the instance.");
            }

            if (instance.PendingInstanceType is not null || (instance.LastChangeTime is { } last && tx.Now - last < options.ChangeCooldown))
            {
                return new EcsFault(400, "Throttling", "Request was denied due to request throttling, please try again after 5 minutes.");
            }

            string description;
            if (instanceType is not null)
            {
                if (instance.Status != InstanceStatus.Stopped)
                {
                    return new EcsFault(400, "InvalidInstanceStatus.NotStopped", "The specified Instance status is not stopped.");
                }

                if (instance.HasLocalDisks)
                {
                    return new EcsFault(403, "CategoryViolation", "The specified instance does not support this operation because of its disk category.");
                }

                if (tx.Type(instanceType) is not { } target || target.CompareSize(tx.Type(instance.InstanceType)!) == 0)
                {
                    return new EcsFault(400, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist or beyond the permitted range.");
                }

                tx.Put(instance with
                {
                    LastChangeTime = tx.Now,
                    PendingInstanceType = instanceType,
                    PendingAppliesAt = tx.Now + options.ApplyDelay,
                    PendingNeedsStart = false,
                });
                description = $"type {instance.InstanceType} -> {instanceType}";
            }
            else
            {
                if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Stopped))
                {
                    return new EcsFault(403, "InvalidStatus.ValueNotSupported", "The current status of the resource does not support this operation.");
                }

                var temporary = p.ContainsKey("Temporary.InternetMaxBandwidthOut")
                    ? new TemporaryBandwidth(
                        Parameters.ParseSecondTime(p["Temporary.StartTime"])!.Value,
                        Parameters.ParseSecondTime(p["Temporary.EndTime"])!.Value,
                        int.Parse(p["Temporary.InternetMaxBandwidthOut"], CultureInfo.InvariantCulture))
                    : null;
                if (temporary is not null && instance.EipBound)
                {
                    return new EcsFault(400, "BandwidthUpgradeDenied.EipBoundInstance", "The specified VPC instance has bound EIP, temporary bandwidth upgrade is denied.");
                }

                var updated = instance with
                {
                    LastChangeTime = tx.Now,
                    InternetMaxBandwidthOut = p.TryGetValue("InternetMaxBandwidthOut", out var o) ? int.Parse(o, CultureInfo.InvariantCulture) : instance.InternetMaxBandwidthOut,
                    InternetMaxBandwidthIn = p.TryGetValue("InternetMaxBandwidthIn", out var i) ? int.Parse(i, CultureInfo.InvariantCulture) : instance.InternetMaxBandwidthIn,
                    TemporaryBandwidth = temporary ?? instance.TemporaryBandwidth,
                };
                tx.Put(updated);
                description = $"bandwidth out {updated.InternetMaxBandwidthOut} in {updated.InternetMaxBandwidthIn}"
                              + (temporary is null ? string.Empty : $", temporary out {temporary.InternetMaxBandwidthOut}");
            }

            tx.AddChange(EcsActions.ModifyInstanceSpec, instanceId, p.GetValueOrDefault("ClientToken"), description);
            Idempotency.Remember(tx, accessKeyId, EcsActions.ModifyInstanceSpec, p, orderId: null);
            return new RpcOutcome(null);
        });
    }

    private static EcsFault? CheckBandwidth(IReadOnlyDictionary<string, string> p)
    {
        if (p.TryGetValue("InternetMaxBandwidthOut", out var outText) && !Parameters.InRange(outText, 0, 100))
        {
            return EcsFault.InvalidParameter("The specified parameter \"InternetMaxBandwidthOut\" is not valid.");
        }

        if (p.TryGetValue("InternetMaxBandwidthIn", out var inText) && !Parameters.InRange(inText, 1, 200))
        {
            return new EcsFault(400, "InvalidParameter.Bandwidth", "The specified parameter Bandwidth is not valid.");
        }

        var hasTemporary = p.ContainsKey("Temporary.InternetMaxBandwidthOut") || p.ContainsKey("Temporary.StartTime") || p.ContainsKey("Temporary.EndTime");
        if (!hasTemporary)
        {
            return null;
        }

        if (!p.TryGetValue("Temporary.StartTime", out var startText))
        {
            return new EcsFault(404, "MissingTemporary.StartTime", "Temporary.StartTime is not specified.");
        }

        if (!p.TryGetValue("Temporary.EndTime", out var endText))
        {
            return new EcsFault(404, "MissingTemporary.EndTime", "Temporary.EndTime is not specified.");
        }

        if (Parameters.ParseSecondTime(startText) is not { } start)
        {
            return new EcsFault(400, "InvalidTemporary.StartTime", "The specifed Temporary.StartTime is not valid.");
        }

        if (Parameters.ParseSecondTime(endText) is not { } end || end <= start)
        {
            return new EcsFault(400, "InvalidTemporary.EndTime", "The specifed Temporary.EndTime is not valid.");
        }

        if (!p.TryGetValue("Temporary.InternetMaxBandwidthOut", out var temporaryText) || !Parameters.InRange(temporaryText, 1, 100))
        {
            return EcsFault.InvalidParameter("The specified parameter \"Temporary.InternetMaxBandwidthOut\" is not valid.");
        }

        return null;
    }
}
