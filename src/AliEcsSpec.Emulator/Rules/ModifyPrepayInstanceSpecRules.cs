using System.Globalization;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>The rules of ModifyPrepayInstanceSpec, each answering with its documented code and HTTP status.</summary>
internal sealed class ModifyPrepayInstanceSpecRules(EmulatorState state, EcsEmulatorOptions options)
{
    public RpcOutcome Handle(string accessKeyId, IReadOnlyDictionary<string, string> p)
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

        if (Parameters.ParseBool(p, "AutoPay", true) is not { } autoPay || Parameters.ParseBool(p, "MigrateAcrossZone", false) is null
            || Parameters.ParseBool(p, "RebootWhenFinished", false) is null)
        {
            return EcsFault.InvalidParameter("A boolean parameter is not true or false.");
        }

        if (p.TryGetValue("RebootTime", out var rebootTime) && !Parameters.IsMinuteTime(rebootTime))
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

            if (Idempotency.Check(tx, accessKeyId, EcsActions.ModifyPrepayInstanceSpec, p) is { } replay)
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
            Idempotency.Remember(tx, accessKeyId, EcsActions.ModifyPrepayInstanceSpec, p, orderId);
            return new RpcOutcome(null, orderId);
        });
    }
}
