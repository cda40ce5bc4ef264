namespace AliEcsSpec.Client;

/// <summary>The documented values of an instance's billing method (<c>InstanceChargeType</c>).</summary>
public static class EcsInstanceChargeType
{
    /// <summary><c>PrePaid</c>: subscription; its type is changed with <c>ModifyPrepayInstanceSpec</c>.</summary>
    public const string PrePaid = nameof(PrePaid);

    /// <summary><c>PostPaid</c>: pay-as-you-go; its type is changed with <c>ModifyInstanceSpec</c>.</summary>
    public const string PostPaid = nameof(PostPaid);
}
