namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// The rules of StartInstance (Alibaba Cloud API reference, StartInstance), each answering with its documented code: a
/// <c>Stopped</c> instance becomes <c>Starting</c>, then <c>Running</c> after <see cref="EcsEmulatorOptions.StartDelay"/>;
/// a subscription downgrade waiting for the start takes effect then.
/// </summary>
internal sealed class StartInstanceRules(EmulatorState state, EcsEmulatorOptions options)
{
    public RpcOutcome Handle(string accessKeyId, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("InstanceId", out var instanceId) || instanceId.Length == 0)
        {
            return ServiceError.MissingParameter("InstanceId");
        }

        if (Parameters.FirstBadBool(p, "InitLocalDisk", "DryRun") is { } boolError)
        {
            return boolError;
        }

        var dryRun = Parameters.Bool(p, "DryRun", false) == true;
        return state.Transact(tx =>
        {
            if (InstanceRules.FindUnlocked(tx, instanceId, accessKeyId, out var instance) is { } refused)
            {
                return refused;
            }

            if (instance.Status == InstanceStatus.Expired)
            {
                return new ServiceError(403, "InstanceExpired", "The prePaid instance has been expired.");
            }

            if (instance.ChargeType == InstanceChargeType.PostPaid && (tx.Account(accessKeyId)!.InArrears || instance.LockReasons.Contains("financial")))
            {
                return new ServiceError(403, "InstanceExpired", "The postPaid instance has been expired. Please ensure your account have enough balance.");
            }

            if (instance.Status != InstanceStatus.Stopped)
            {
                return InstanceRules.IncorrectStatus(instance);
            }

            // "An instance stopped in economical mode may fail to start for lack of stock": it gave its resources back.
            var type = instance.PendingNeedsStart ? instance.PendingInstanceType! : instance.InstanceType;
            if (instance.StoppedMode == "StopCharging" && !tx.Stock(instance.Zone, type).HasStock)
            {
                return new ServiceError(403, "OperationDenied.NoStock",
                    "The requested resource is sold out in the specified zone; try other types of resources or other regions and zones.");
            }

            if (dryRun)
            {
                return ServiceError.DryRunPassed;
            }

            tx.Put(instance with { Status = InstanceStatus.Starting, StatusChangesAt = tx.Now + options.StartDelay, StoppedMode = "Not-applicable" });
            tx.AddChange(EcsActions.StartInstance, instanceId, null, "start");
            return new RpcOutcome(null);
        });
    }
}
