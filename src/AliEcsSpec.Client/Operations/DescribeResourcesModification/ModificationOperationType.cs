namespace AliEcsSpec.Client;

/// <summary>The change <c>DescribeResourcesModification</c> asks about (<c>OperationType</c>).</summary>
public enum ModificationOperationType
{
    /// <summary><c>Upgrade</c>: the service default, and the only value for pay-as-you-go instances.</summary>
    Upgrade,

    /// <summary><c>Downgrade</c>: a subscription instance to a smaller type.</summary>
    Downgrade,

    /// <summary><c>RenewDowngrade</c>: a subscription instance, downgraded at renewal.</summary>
    RenewDowngrade,

    /// <summary><c>RenewModify</c>: an expired subscription instance, changed at renewal.</summary>
    RenewModify,
}
