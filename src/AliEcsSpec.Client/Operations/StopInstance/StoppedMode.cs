namespace AliEcsSpec.Client;

/// <summary>Whether a stopped pay-as-you-go instance keeps being billed (<c>StoppedMode</c> of <c>StopInstance</c>).</summary>
public enum StoppedMode
{
    /// <summary>
    /// <c>KeepCharging</c>: standard mode. Billing continues; the instance keeps its instance type resources (its
    /// stock) and its public IP address, so it can always be started again.
    /// </summary>
    KeepCharging,

    /// <summary>
    /// <c>StopCharging</c>: economical mode, where its conditions are met. Billing for compute stops and the
    /// resources are released, so starting again may fail for lack of stock.
    /// </summary>
    StopCharging,
}
