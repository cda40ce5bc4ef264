namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// The rules of ModifyInstanceSpec, each answering with its documented code and HTTP status: 003 under
/// <see cref="EmulatorDocumentRevision.Newer"/>, 004 under <see cref="EmulatorDocumentRevision.Older"/>.
/// </summary>
internal sealed class ModifyInstanceSpecRules(EmulatorState state, EcsEmulatorOptions options)
{
    private static readonly string[] BandwidthParameters =
        ["InternetMaxBandwidthOut", "InternetMaxBandwidthIn", "Temporary.StartTime", "Temporary.EndTime", "Temporary.InternetMaxBandwidthOut"];

    private static readonly ServiceError FiveMinutes = new(400, "Throttling", "Request was denied due to request throttling, please try again after 5 minutes.");

    private static readonly ServiceError NoStock = new(403, "OperationDenied.NoStock", "The resource is out of usage.");

    private bool Newer => options.DocumentRevision == EmulatorDocumentRevision.Newer;

    public RpcOutcome Handle(string accessKeyId, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("InstanceId", out var instanceId) || instanceId.Length == 0)
        {
            return ServiceError.MissingParameter("InstanceId");
        }

        var instanceType = p.GetValueOrDefault("InstanceType");
        var changesBandwidth = BandwidthParameters.Any(p.ContainsKey);
        if (instanceType is not null && changesBandwidth)
        {
            return new ServiceError(400, "InvalidParameter.Mismatch", "Too many parameters in one request.");
        }

        if (CheckForm(p) is { } formError)
        {
            return formError;
        }

        // DryRun, Disk.N.* and ModifyMode belong to the newer revision only; under the older one they are unknown parameters.
        var dryRun = Newer && Parameters.Bool(p, "DryRun", false) == true;
        var changesDisks = Newer && p.Keys.Any(k => k.StartsWith("Disk.", StringComparison.Ordinal));
        var clientToken = Parameters.ClientToken(p);
        return state.Transact(tx =>
        {
            if (p.TryGetValue("RegionId", out var regionId) && !tx.IsRegion(regionId))
            {
                return new ServiceError(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
            }

            if (Idempotency.Check(tx, accessKeyId, EcsActions.ModifyInstanceSpec, p) is { } replay)
            {
                return replay;
            }

            var account = tx.Account(accessKeyId)!;
            var instance = tx.Instance(instanceId);
            if (instance is null || instance.Released || instance.AccessKeyId != accessKeyId || (regionId is not null && instance.RegionId != regionId))
            {
                return new ServiceError(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
            }

            if (account.InArrears)
            {
                return new ServiceError(400, "Account.Arrearage", "Your account has an outstanding payment.");
            }

            if (instance.ChargeType != InstanceChargeType.PostPaid)
            {
                return new ServiceError(403, "ChargeTypeViolation", "The operation is not permitted due to charge type of the instance.");
            }

            // 003: each successful operation, no further operation within five minutes.
            if (Newer && instance.LastChangeTime is { } last && tx.Now - last < options.ChangeCooldown)
            {
                return FiveMinutes;
            }

            // A type change not yet applied: the instance is changing (no document says what answers this).
            if (instance.PendingInstanceType is not null)
            {
                return new ServiceError(403, "InvalidStatus.ValueNotSupported", "The current status of the resource does not support this operation.");
            }

            string description;
            if (instanceType is not null)
            {
                if (instance.Status != InstanceStatus.Stopped)
                {
                    return new ServiceError(400, "InvalidInstanceStatus.NotStopped", "The specified Instance status is not stopped.");
                }

                if (instance.HasLocalDisks)
                {
                    return new ServiceError(403, "CategoryViolation", "The specified instance does not support this operation because of its disk category.");
                }

                var direction = tx.Type(instanceType) is { } target ? target.CompareSize(tx.Type(instance.InstanceType)!) : 0;
                if (direction == 0)
                {
                    return new ServiceError(400, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist or beyond the permitted range.");
                }

                if (!tx.Stock(instance.Zone, instanceType).HasStock)
                {
                    return NoStock;
                }

                // 004: after a successful downgrade, five minutes before another instance type downgrade.
                if (!Newer && direction < 0 && instance.LastDowngradeTime is { } downgraded && tx.Now - downgraded < options.ChangeCooldown)
                {
                    return FiveMinutes;
                }

                if (dryRun)
                {
                    return ServiceError.DryRunPassed;
                }

                tx.Put(instance with
                {
                    LastChangeTime = tx.Now,
                    LastDowngradeTime = direction < 0 ? tx.Now : instance.LastDowngradeTime,
                    PendingInstanceType = instanceType,
                    PendingAppliesAt = tx.Now + options.ApplyDelay,
                    PendingNeedsStart = false,
                });
                description = $"type {instance.InstanceType} -> {instanceType}";
            }
            else if (changesBandwidth)
            {
                if (BandwidthRules.CheckForInstance(instance, p, Newer) is { } bandwidthError)
                {
                    return bandwidthError;
                }

                if (dryRun)
                {
                    return ServiceError.DryRunPassed;
                }

                var updated = BandwidthRules.Apply(instance, p);

                // A window without Temporary.InternetMaxBandwidthOut names no bandwidth: nothing lasting changes. A
                // bandwidth set to the value it already has is still a change the service makes and records.
                if (!p.ContainsKey("InternetMaxBandwidthOut") && !p.ContainsKey("InternetMaxBandwidthIn")
                    && !p.ContainsKey("Temporary.InternetMaxBandwidthOut"))
                {
                    return new RpcOutcome(null);
                }

                tx.Put(updated with { LastChangeTime = tx.Now });
                description = $"bandwidth out {updated.InternetMaxBandwidthOut} in {updated.InternetMaxBandwidthIn}"
                              + (updated.TemporaryBandwidth == instance.TemporaryBandwidth ? string.Empty : $", temporary out {updated.TemporaryBandwidth!.InternetMaxBandwidthOut}");
            }
            else if (changesDisks || dryRun)
            {
                if (dryRun)
                {
                    return ServiceError.DryRunPassed;
                }

                // Disk.N.* are "not publicly available": accepted and recorded, not modelled.
                tx.Put(instance with { LastChangeTime = tx.Now });
                description = "disks " + string.Join(", ", p.Where(kv => kv.Key.StartsWith("Disk.", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
            }
            else
            {
                // Nothing to change: no document gives a code, so it succeeds and changes nothing (no cooldown, no record).
                return new RpcOutcome(null);
            }

            tx.AddChange(EcsActions.ModifyInstanceSpec, instanceId, clientToken, description);
            Idempotency.Remember(tx, accessKeyId, EcsActions.ModifyInstanceSpec, p, orderId: null);
            return new RpcOutcome(null);
        });
    }

    /// <summary>The form of each parameter, answered with the code of that parameter.</summary>
    private ServiceError? CheckForm(IReadOnlyDictionary<string, string> p)
    {
        if (Parameters.FirstBadBool(p, Newer ? ["Async", "DryRun"] : ["Async"]) is { } boolError)
        {
            return boolError;
        }

        if (Parameters.Bool(p, "AllowMigrateAcrossZone", false) is null)
        {
            return new ServiceError(400, "InvalidParameter.AllowMigrateAcrossZone", "The specified parameter CanMigrateAcrossZone is not valid.");
        }

        if (p.TryGetValue("SystemDisk.Category", out var systemDisk) && systemDisk is not ("cloud_efficiency" or "cloud_ssd"))
        {
            return new ServiceError(400, "InvalidParam.SystemDiskCategory", "The specified param SystemDisk.Category is not valid.");
        }

        return BandwidthRules.CheckForm(p, Newer);
    }
}
