namespace AliEcsSpec.Emulator;

/// <summary>
/// Status transitions and pending instance types that come due: when they take effect, and the one step that stores
/// them.
/// </summary>
public sealed partial class EmulatorState
{
    /// <summary>
    /// Stores every pending type that is due at <paramref name="now"/>. Taken under the lock before anything changes
    /// the state (a rule's transaction, a start, a stop, a payment), so each change starts from the world as it is now.
    /// </summary>
    private void ApplyDueChangesLocked(DateTimeOffset now)
    {
        // Collected first: the dictionary is written while its values would otherwise be enumerated.
        foreach (var due in _instances.Values.Where(i => IsDue(i, now)).ToList())
        {
            _instances[due.InstanceId] = AsOf(due, now);
        }
    }

    /// <summary>
    /// The instance as the service shows it at <paramref name="now"/>: a stop or start that is due finished, then a
    /// pending type in effect once due (a downgrade also waits for the instance to run, so the start comes first).
    /// Pure, so reads can show the world as it is without changing it.
    /// </summary>
    private static EmulatorInstance AsOf(EmulatorInstance instance, DateTimeOffset now)
    {
        var settled = !IsStatusDue(instance, now) ? instance : instance with
        {
            Status = instance.Status == InstanceStatus.Stopping ? InstanceStatus.Stopped : InstanceStatus.Running,
            StatusChangesAt = null,
        };
        return !IsTypeDue(settled, now) ? settled : settled with
        {
            InstanceType = settled.PendingInstanceType!,
            PendingInstanceType = null,
            PendingAppliesAt = null,
            PendingNeedsStart = false,
        };
    }

    private static bool IsDue(EmulatorInstance instance, DateTimeOffset now) => IsStatusDue(instance, now) || IsTypeDue(instance, now);

    private static bool IsStatusDue(EmulatorInstance instance, DateTimeOffset now) =>
        instance.Status is InstanceStatus.Stopping or InstanceStatus.Starting && now >= instance.StatusChangesAt;

    private static bool IsTypeDue(EmulatorInstance instance, DateTimeOffset now) =>
        instance.PendingInstanceType is not null
        && now >= instance.PendingAppliesAt
        && (!instance.PendingNeedsStart || instance.Status == InstanceStatus.Running);
}
