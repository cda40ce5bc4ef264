namespace AliEcsSpec.Emulator.Rules;

/// <summary>What StopInstance and StartInstance check alike before looking at the instance's status.</summary>
internal static class InstanceRules
{
    /// <summary>The instance the caller owns, or the documented <c>InvalidInstanceId.NotFound</c> (404).</summary>
    public static ServiceError? Find(EmulatorInstance? instance, string accessKeyId) =>
        instance is null || instance.Released || instance.AccessKeyId != accessKeyId
            ? new ServiceError(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.")
            : null;

    /// <summary>An instance locked for security reasons can be neither stopped nor started (both documents).</summary>
    public static ServiceError? SecurityLock(EmulatorInstance instance) =>
        instance.LockReasons.Contains("security")
            ? new ServiceError(403, "InstanceLockedForSecurity", "The specified operation is denied as your instance is locked for security reasons.")
            : null;

    public static ServiceError IncorrectStatus(EmulatorInstance instance) =>
        new(403, "IncorrectInstanceStatus", $"The current status of the resource does not support this operation (the instance is {instance.Status}).");
}
