using System.Globalization;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// The rules of ModifyPrepayInstanceSpec and ModifyInstanceSpec as the five API documents describe them, each answering
/// with its documented code and HTTP status.
/// </summary>
internal sealed class EcsRules(EmulatorState state, EcsEmulatorOptions options)
{
    private static readonly string[] BandwidthParameters =
        ["InternetMaxBandwidthOut", "InternetMaxBandwidthIn", "Temporary.StartTime", "Temporary.EndTime", "Temporary.InternetMaxBandwidthOut"];

    private static readonly HashSet<string> NotFingerprinted = new(StringComparer.Ordinal)
    {
        "AccessKeyId", "Format", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature",
        "SecurityToken", "ClientToken",
    };

    public RpcOutcome ModifyPrepayInstanceSpec(string accessKeyId, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("RegionId", out var regionId) || regionId.Length == 0)
        {
            return new EcsFault(400, "MissingParameter.RegionId", "The RegionId should not be null.");
        }

        if (!p.TryGetValue("InstanceId", out var instanceId) || instanceId.Length == 0)
        {
            return new EcsFault(400, "MissingParameter.InstanceIdNotSupported", "The InstanceId should not be null.");
        }

        if (!p.TryGetValue("InstanceType", out var instanceType) || instanceType.Length == 0)
        {
            return EcsFault.MissingParameter("InstanceType");
        }

        var operatorType = p.GetValueOrDefault("OperatorType");
        if (operatorType is not (null or "upgrade" or "downgrade"))
        {
            return EcsFault.InvalidParameter($"The specified parameter OperatorType \"{operatorType}\" is not valid.");
        }

        if (ParseBool(p, "AutoPay", true) is not { } autoPay || ParseBool(p, "MigrateAcrossZone", false) is null
            || ParseBool(p, "RebootWhenFinished", false) is null)
        {
            return EcsFault.InvalidParameter("A boolean parameter is not true or false.");
        }

        if (p.TryGetValue("RebootTime", out var rebootTime) && !IsMinuteTime(rebootTime))
        {
            return new EcsFault(400, "InvalidRebootTime.MalFormed", "The specified rebootTime is not valid.");
        }

        if (p.TryGetValue("SystemDisk.Category", out var systemDisk) && systemDisk is not ("cloud_efficiency" or "cloud_ssd"))
        {
            return new EcsFault(400, "InvalidSystemDiskCategory.NotMatchInstanceType", "The system disk category does not match the instance type.");
        }

        for (var n = 1; p.ContainsKey($"Disk.{n}.DiskId") || p.ContainsKey($"Disk.{n}.Category") || p.ContainsKey($"Disk.{n}.PerformanceLevel"); n++)
        {
            if (p.ContainsKey($"Disk.{n}.DiskId") && !p.ContainsKey($"Disk.{n}.Category"))
            {
                return new EcsFault(400, "MissingParameter.DiskCategory", "The specified parameter Disk.Category can not be null when Disk.DiskId is specified.");
            }
        }

        return state.Transact(tx =>
        {
            if (!tx.IsRegion(regionId))
            {
                return new EcsFault(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
            }

            if (Idempotency(tx, accessKeyId, EcsActions.ModifyPrepayInstanceSpec, p) is { } replay)
            {
                return replay;
            }

            var account = tx.Account(accessKeyId)!;
            var instance = tx.Instance(instanceId);
            if (instance is null || instance.AccessKeyId != accessKeyId || instance.RegionId != regionId)
            {
                return new EcsFault(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
            }

            if (instance.Released)
            {
                return new EcsFault(400, "InvalidInstanceId.Released", "The specified Instance has been released.");
            }

            if (account.InArrears)
            {
                return new EcsFault(400, "Account.Arrearage", "Your account has an outstanding payment.");
            }

            if (instance.ChargeType != InstanceChargeType.PrePaid)
            {
                return new EcsFault(400, "InvalidBillingMethod.ValueNotSupported", "The operation is not permitted due to an invalid billing method of the instance.");
            }

            if (instance.Status == InstanceStatus.Expired)
            {
                return new EcsFault(403, "IncorrectInstanceStatus", "The current status of the resource does not support this operation.");
            }

            if (instance.HasLocalDisks)
            {
                return new EcsFault(403, "OperationDenied.LocalDiskUnsupported", "The configuration change is not allowed when the specified instance has local disks mounted.");
            }

            if (instance.HasUnpaidOrder)
            {
                return new EcsFault(400, "InvalidInstance.UnpaidOrder", "The specified instance has unpaid order.");
            }

            if (tx.Type(instanceType) is not { } target)
            {
                return new EcsFault(400, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist or beyond the permitted range.");
            }

            var current = tx.Type(instance.InstanceType)!;
            var direction = target.CompareSize(current);
            if (direction == 0)
            {
                return new EcsFault(400, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist or beyond the permitted range.");
            }

            // A change not yet applied, or one made less than five minutes ago: the previous order is still processing.
            if (instance.PendingInstanceType is not null || (instance.LastChangeTime is { } last && tx.Now - last < options.ChangeCooldown))
            {
                return new EcsFault(400, "LastOrderProcessing", "The previous order is still processing, please try again later.");
            }

            var isDowngrade = direction < 0;
            if ((operatorType == "upgrade" && isDowngrade) || (operatorType == "downgrade" && !isDowngrade))
            {
                return EcsFault.InvalidParameter($"OperatorType {operatorType} does not match a change from {instance.InstanceType} to {instanceType}.");
            }

            var price = target.MonthlyPrice - current.MonthlyPrice;
            string orderId;
            if (isDowngrade)
            {
                if (instance.Status != InstanceStatus.Stopped)
                {
                    return new EcsFault(400, "InvalidStatus.NotStopped", "Instance status must be stopped.");
                }

                if (instance.DowngradeCount >= 3)
                {
                    return new EcsFault(400, "InstanceDowngrade.QuotaExceed", "Quota of instance downgrade is exceed.");
                }

                // The refund goes back to the original payment method; AutoPay is ignored for a downgrade.
                orderId = tx.AddOrder(instanceId, accessKeyId, p.GetValueOrDefault("ClientToken"), instance.InstanceType, instanceType, price, paid: true);
                tx.Put(account with { Balance = account.Balance - price });
                tx.Put(instance with
                {
                    DowngradeCount = instance.DowngradeCount + 1,
                    LastChangeTime = tx.Now,
                    PendingInstanceType = instanceType,
                    PendingAppliesAt = tx.Now + options.ApplyDelay,
                    PendingNeedsStart = true,
                });
            }
            else
            {
                if (autoPay && account.Balance < price)
                {
                    return new EcsFault(403, "InvalidAccountStatus.NotEnoughBalance", "Your account does not have enough balance.");
                }

                orderId = tx.AddOrder(instanceId, accessKeyId, p.GetValueOrDefault("ClientToken"), instance.InstanceType, instanceType, price, paid: autoPay);
                if (autoPay)
                {
                    tx.Put(account with { Balance = account.Balance - price });
                }

                tx.Put(instance with
                {
                    LastChangeTime = tx.Now,
                    HasUnpaidOrder = !autoPay,
                    PendingInstanceType = instanceType,
                    // An unpaid order changes nothing until it is paid (EmulatorState.PayOrders schedules it then).
                    PendingAppliesAt = autoPay ? tx.Now + options.ApplyDelay : null,
                    PendingNeedsStart = false,
                });
            }

            tx.AddChange(EcsActions.ModifyPrepayInstanceSpec, instanceId, p.GetValueOrDefault("ClientToken"),
                $"{(isDowngrade ? "downgrade" : "upgrade")} {instance.InstanceType} -> {instanceType}, order {orderId}");
            Remember(tx, accessKeyId, EcsActions.ModifyPrepayInstanceSpec, p, orderId);
            return new RpcOutcome(null, orderId);
        });
    }

    public RpcOutcome ModifyInstanceSpec(string accessKeyId, IReadOnlyDictionary<string, string> p)
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

        if (ParseBool(p, "Async", false) is null || ParseBool(p, "AllowMigrateAcrossZone", false) is null)
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

            if (Idempotency(tx, accessKeyId, EcsActions.ModifyInstanceSpec, p) is { } replay)
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
                        ParseSecondTime(p["Temporary.StartTime"])!.Value,
                        ParseSecondTime(p["Temporary.EndTime"])!.Value,
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
            Remember(tx, accessKeyId, EcsActions.ModifyInstanceSpec, p, orderId: null);
            return new RpcOutcome(null);
        });
    }

    /// <summary>ClientToken checks: an invalid token, a replay with the same parameters, or a mismatch.</summary>
    private static RpcOutcome? Idempotency(EmulatorState.Transaction tx, string accessKeyId, string action, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("ClientToken", out var token))
        {
            return null;
        }

        if (token.Length is 0 or > 64 || token.Any(c => c is < (char)0x20 or > (char)0x7E))
        {
            return new EcsFault(400, "InvalidClientToken.ValueNotSupported", "The ClientToken provided is invalid.");
        }

        if (tx.Replay(accessKeyId, action, token) is not { } previous)
        {
            return null;
        }

        return previous.Fingerprint == Fingerprint(p)
            ? new RpcOutcome(null, previous.OrderId)
            : new EcsFault(400, "IdempotenceParamNotMatch", action == EcsActions.ModifyInstanceSpec
                ? "There is a idempotence signature mismatch between this and last request."
                : "Request uses a client token in a previous request but is not identical to that request.");
    }

    private static void Remember(EmulatorState.Transaction tx, string accessKeyId, string action, IReadOnlyDictionary<string, string> p, string? orderId)
    {
        if (p.TryGetValue("ClientToken", out var token))
        {
            tx.Remember(accessKeyId, action, token, new IdempotentResult(Fingerprint(p), orderId));
        }
    }

    private static string Fingerprint(IReadOnlyDictionary<string, string> p) =>
        string.Join('\n', p.Where(kv => !NotFingerprinted.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));

    private static EcsFault? CheckBandwidth(IReadOnlyDictionary<string, string> p)
    {
        if (p.TryGetValue("InternetMaxBandwidthOut", out var outText) && !InRange(outText, 0, 100))
        {
            return EcsFault.InvalidParameter("The specified parameter \"InternetMaxBandwidthOut\" is not valid.");
        }

        if (p.TryGetValue("InternetMaxBandwidthIn", out var inText) && !InRange(inText, 1, 200))
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

        if (ParseSecondTime(startText) is not { } start)
        {
            return new EcsFault(400, "InvalidTemporary.StartTime", "The specifed Temporary.StartTime is not valid.");
        }

        if (ParseSecondTime(endText) is not { } end || end <= start)
        {
            return new EcsFault(400, "InvalidTemporary.EndTime", "The specifed Temporary.EndTime is not valid.");
        }

        if (!p.TryGetValue("Temporary.InternetMaxBandwidthOut", out var temporaryText) || !InRange(temporaryText, 1, 100))
        {
            return EcsFault.InvalidParameter("The specified parameter \"Temporary.InternetMaxBandwidthOut\" is not valid.");
        }

        return null;
    }

    private static bool InRange(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max;

    private static bool? ParseBool(IReadOnlyDictionary<string, string> p, string name, bool fallback) =>
        !p.TryGetValue(name, out var text) ? fallback : text switch { "true" => true, "false" => false, _ => null };

    private static bool IsMinuteTime(string text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static DateTimeOffset? ParseSecondTime(string text) =>
        DateTimeOffset.TryParseExact(text, EmulatorTime.Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}

/// <summary>The actions the emulator serves.</summary>
internal static class EcsActions
{
    public const string ModifyPrepayInstanceSpec = nameof(ModifyPrepayInstanceSpec);

    public const string ModifyInstanceSpec = nameof(ModifyInstanceSpec);

    public const string Version = "2014-05-26";
}
