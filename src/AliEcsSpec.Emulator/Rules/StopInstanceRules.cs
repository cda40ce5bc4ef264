namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// The rules of StopInstance (Alibaba Cloud API reference, StopInstance), each answering with its documented code: a
/// <c>Running</c> instance becomes <c>Stopping</c>, then <c>Stopped</c> after <see cref="EcsEmulatorOptions.StopDelay"/>.
/// </summary>
internal sealed class StopInstanceRules(EmulatorState state, EcsEmulatorOptions options)
{
    public RpcOutcome Handle(string accessKeyId, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("InstanceId", out var instanceId) || instanceId.Length == 0)
        {
            return ServiceError.MissingParameter("InstanceId");
        }

        if (Parameters.FirstBadBool(p, "ForceStop", "ConfirmStop", "DryRun", "Hibernate") is { } boolError)
        {
            return boolError;
        }

        var stoppedMode = p.GetValueOrDefault("StoppedMode");
        if (stoppedMode is not (null or "KeepCharging" or "StopCharging"))
        {
            // No document gives a malformed StoppedMode a code of its own.
            return Parameters.Invalid("StoppedMode", stoppedMode);
        }

        var dryRun = Parameters.Bool(p, "DryRun", false) == true;
        return state.Transact(tx =>
        {
            if (InstanceRules.FindUnlocked(tx, instanceId, accessKeyId, out var instance) is { } refused)
            {
                return refused;
            }

            if (instance.Status == InstanceStatus.Expired || tx.Account(accessKeyId)!.InArrears || instance.LockReasons.Contains("financial"))
            {
                return new ServiceError(403, "InstanceExpiredOrInArrears",
                    "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode).");
            }

            if (instance.Status != InstanceStatus.Running)
            {
                return InstanceRules.IncorrectStatus(instance);
            }

            // The older revision: ConfirmStop=true is required for an instance with local disks (their data is cleared).
            if (options.DocumentRevision == EmulatorDocumentRevision.Older && instance.HasLocalDisks && Parameters.Bool(p, "ConfirmStop", false) != true)
            {
                return new ServiceError(403, "InstanceType.ParameterMismatch", "The input parameter ConfirmStop must be true when an instance have localstorage.");
            }

            if (dryRun)
            {
                return ServiceError.DryRunPassed;
            }

            // Economical mode is not modelled as an account setting: a pay-as-you-go instance keeps charging unless asked.
            var mode = instance.ChargeType == InstanceChargeType.PostPaid ? stoppedMode ?? "KeepCharging" : "Not-applicable";
            tx.Put(instance with { Status = InstanceStatus.Stopping, StatusChangesAt = tx.Now + options.StopDelay, StoppedMode = mode });
            tx.AddChange(EcsActions.StopInstance, instanceId, null, $"stop ({mode}{(Parameters.Bool(p, "ForceStop", false) == true ? ", forced" : string.Empty)})");
            return new RpcOutcome(null);
        });
    }
}
