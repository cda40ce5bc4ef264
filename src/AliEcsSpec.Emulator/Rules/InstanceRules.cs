namespace AliEcsSpec.Emulator.Rules;

/// <summary>What StopInstance and StartInstance check alike before looking at the instance's status.</summary>
internal static class InstanceRules
{
    /// <summary>
    /// The caller's instance, or the documented refusal: <c>InvalidInstanceId.NotFound</c> (404) for an unknown, foreign
    /// or released one; <c>InstanceLockedForSecurity</c> (403) for one locked for security reasons, which can be
    /// neither stopped nor started (both documents).
    /// </summary>
    public static ServiceError? FindUnlocked(EmulatorState.Transaction tx, string instanceId, string accessKeyId, out EmulatorInstance instance)
    {
        instance = tx.Instance(instanceId)!;
        if (instance is null || instance.Released || instance.AccessKeyId != accessKeyId)
        {
            return new ServiceError(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
        }

        return instance.LockReasons.Contains("security")
            ? new ServiceError(403, "InstanceLockedForSecurity", "The specified operation is denied as your instance is locked for security reasons.")
            : null;
    }

    public static ServiceError IncorrectStatus(EmulatorInstance instance) =>
        new(403, "IncorrectInstanceStatus", $"The current status of the resource does not support this operation (the instance is {instance.Status}).");
}
