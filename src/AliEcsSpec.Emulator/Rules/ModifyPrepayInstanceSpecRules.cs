namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// The rules of ModifyPrepayInstanceSpec, each answering with its documented code and HTTP status: 001/002 under
/// <see cref="EmulatorDocumentRevision.Newer"/>, 000 under <see cref="EmulatorDocumentRevision.Older"/>.
/// </summary>
internal sealed class ModifyPrepayInstanceSpecRules(EmulatorState state, EcsEmulatorOptions options)
{
    private bool Newer => options.DocumentRevision == EmulatorDocumentRevision.Newer;

    public RpcOutcome Handle(string accessKeyId, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("RegionId", out var regionId) || regionId.Length == 0)
        {
            return new ServiceError(400, "MissingParameter.RegionId", "The RegionId should not be null.");
        }

        if (!p.TryGetValue("InstanceId", out var instanceId) || instanceId.Length == 0)
        {
            return new ServiceError(400, "MissingParameter.InstanceIdNotSupported", "The InstanceId should not be null.");
        }

        if (!p.TryGetValue("InstanceType", out var instanceType) || instanceType.Length == 0)
        {
            return ServiceError.MissingParameter("InstanceType");
        }

        var operatorType = p.GetValueOrDefault("OperatorType");
        if (operatorType is not (null or "upgrade" or "downgrade"))
        {
            return ServiceError.InvalidParameter($"The specified parameter OperatorType \"{operatorType}\" is not valid.");
        }

        if (CheckForm(p) is { } formError)
        {
            return formError;
        }

        var autoPay = Parameters.Bool(p, "AutoPay", true)!.Value;
        var clientToken = Parameters.ClientToken(p);
        return state.Transact(tx =>
        {
            if (!tx.IsRegion(regionId))
            {
                return new ServiceError(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
            }

            if (Idempotency.Check(tx, accessKeyId, EcsActions.ModifyPrepayInstanceSpec, p) is { } replay)
            {
                return replay;
            }

            var account = tx.Account(accessKeyId)!;
            var instance = tx.Instance(instanceId);
            if (CheckInstance(instance, accessKeyId, regionId, account) is { } instanceError)
            {
                return instanceError;
            }

            if (tx.Type(instanceType) is not { } target)
            {
                return new ServiceError(400, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist or beyond the permitted range.");
            }

            // A downgrade waiting for the next start has already changed the contract: later changes start from it.
            var from = instance!.PendingInstanceType ?? instance.InstanceType;
            var current = tx.Type(from)!;
            var direction = target.CompareSize(current);
            if (direction == 0)
            {
                return new ServiceError(400, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist or beyond the permitted range.");
            }

            // The seed's stock, zone by zone, as DescribeResourcesModification reports it.
            if (!tx.Stock(instance.Zone, instanceType).HasStock)
            {
                return new ServiceError(403, "OperationDenied.NoStock", "The specified instance is out of usage.");
            }

            // 001/002: the change completes 5 to 10 seconds after the call; until then its order is still in flight.
            if (instance.PendingInstanceType is not null && instance.PendingAppliesAt is { } appliesAt && tx.Now < appliesAt)
            {
                return new ServiceError(400, "LastOrderProcessing", "The previous order is still processing, please try again later.");
            }

            // 000, under downgrades: each successful operation, no further operation within five minutes.
            if (!Newer && instance.LastDowngradeTime is { } downgraded && tx.Now - downgraded < options.ChangeCooldown)
            {
                return new ServiceError(400, "Throttling", "You have made too many requests within a short time; your request is denied due to request throttling.");
            }

            var isDowngrade = direction < 0;

            // 000: OperatorType defaults to upgrade; 001/002: the system works the direction out when it is not sent.
            var declared = operatorType ?? (Newer ? null : "upgrade");
            if ((declared == "upgrade" && isDowngrade) || (declared == "downgrade" && !isDowngrade))
            {
                return ServiceError.InvalidParameter(
                    $"OperatorType {declared}{(operatorType is null ? " (the default)" : string.Empty)} does not match a change from {from} to {instanceType}.");
            }

            // 000: the instance must be Stopped for every change; 001/002: for a downgrade only.
            if ((isDowngrade || !Newer) && instance.Status != InstanceStatus.Stopped)
            {
                return new ServiceError(400, "InvalidStatus.NotStopped", "Instance status must be stopped.");
            }

            var price = target.MonthlyPrice - current.MonthlyPrice;
            string orderId;
            string description;
            if (isDowngrade)
            {
                if (instance.DowngradeCount >= 3)
                {
                    return new ServiceError(400, "InstanceDowngrade.QuotaExceed", "Quota of instance downgrade is exceed.");
                }

                // The refund goes back to the original payment method; AutoPay is ignored for a downgrade.
                orderId = tx.AddOrder(instanceId, accessKeyId, clientToken, from, instanceType, price, paid: true);
                tx.Put(account with { Balance = account.Balance - price });
                tx.Put(instance with
                {
                    DowngradeCount = instance.DowngradeCount + 1,
                    LastChangeTime = tx.Now,
                    LastDowngradeTime = tx.Now,
                    PendingInstanceType = instanceType,
                    PendingAppliesAt = tx.Now + options.ApplyDelay,
                    PendingNeedsStart = true,
                });
                description = $"downgrade {from} -> {instanceType}, order {orderId}";
            }
            else if (autoPay && account.Balance < price)
            {
                // 000, 001 and 002 on AutoPay=true: with too little balance an abnormal order is created, which can only be
                // cancelled. The call succeeds with its OrderId; nothing is paid, nothing changes.
                orderId = tx.AddOrder(instanceId, accessKeyId, clientToken, from, instanceType, price, paid: false, abnormal: true);
                Idempotency.Remember(tx, accessKeyId, EcsActions.ModifyPrepayInstanceSpec, p, orderId);
                return new RpcOutcome(null, orderId);
            }
            else
            {
                orderId = tx.AddOrder(instanceId, accessKeyId, clientToken, from, instanceType, price, paid: autoPay);
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
                description = $"upgrade {from} -> {instanceType}, order {orderId}";
            }

            tx.AddChange(EcsActions.ModifyPrepayInstanceSpec, instanceId, clientToken, description);
            Idempotency.Remember(tx, accessKeyId, EcsActions.ModifyPrepayInstanceSpec, p, orderId);
            return new RpcOutcome(null, orderId);
        });
    }

    /// <summary>The form of the optional parameters; those 000 does not have are not checked under the older revision.</summary>
    private ServiceError? CheckForm(IReadOnlyDictionary<string, string> p)
    {
        if (Parameters.FirstBadBool(p, Newer ? ["AutoPay", "MigrateAcrossZone", "RebootWhenFinished"] : ["AutoPay", "MigrateAcrossZone"]) is { } boolError)
        {
            return boolError;
        }

        if (Newer && p.TryGetValue("RebootTime", out var rebootTime) && Parameters.Time(rebootTime) is null)
        {
            return new ServiceError(400, "InvalidRebootTime.MalFormed", "The specified rebootTime is not valid.");
        }

        // No document gives EndTime a code of its own.
        if (Newer && p.TryGetValue("EndTime", out var endTime) && Parameters.Time(endTime) is null)
        {
            return Parameters.Invalid("EndTime", endTime);
        }

        // No document gives a malformed category a code (InvalidSystemDiskCategory.NotMatchInstanceType is about the type).
        if (p.TryGetValue("SystemDisk.Category", out var systemDisk) && systemDisk is not ("cloud_efficiency" or "cloud_ssd"))
        {
            return Parameters.Invalid("SystemDisk.Category", systemDisk);
        }

        for (var n = 1; Newer && (p.ContainsKey($"Disk.{n}.DiskId") || p.ContainsKey($"Disk.{n}.Category") || p.ContainsKey($"Disk.{n}.PerformanceLevel")); n++)
        {
            if (p.ContainsKey($"Disk.{n}.DiskId") && !p.ContainsKey($"Disk.{n}.Category"))
            {
                return new ServiceError(400, "MissingParameter.DiskCategory", "The specified parameter Disk.Category can not be null when Disk.DiskId is specified.");
            }
        }

        return null;
    }

    private static ServiceError? CheckInstance(EmulatorInstance? instance, string accessKeyId, string regionId, EmulatorAccount account)
    {
        if (instance is null || instance.AccessKeyId != accessKeyId || instance.RegionId != regionId)
        {
            return new ServiceError(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
        }

        if (instance.Released)
        {
            return new ServiceError(400, "InvalidInstanceId.Released", "The specified Instance has been released.");
        }

        if (account.InArrears)
        {
            return new ServiceError(400, "Account.Arrearage", "Your account has an outstanding payment.");
        }

        if (instance.ChargeType != InstanceChargeType.PrePaid)
        {
            return new ServiceError(400, "InvalidBillingMethod.ValueNotSupported", "The operation is not permitted due to an invalid billing method of the instance.");
        }

        if (instance.Status == InstanceStatus.Expired)
        {
            return new ServiceError(403, "IncorrectInstanceStatus", "The current status of the resource does not support this operation.");
        }

        if (instance.HasLocalDisks)
        {
            return new ServiceError(403, "OperationDenied.LocalDiskUnsupported", "The configuration change is not allowed when the specified instance has local disks mounted.");
        }

        return instance.HasUnpaidOrder ? new ServiceError(400, "InvalidInstance.UnpaidOrder", "The specified instance has unpaid order.") : null;
    }
}
