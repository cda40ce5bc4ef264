namespace AliEcsSpec.Client;

/// <summary>The direction of a subscription instance's type change (<c>OperatorType</c>).</summary>
public enum OperatorType
{
    /// <summary><c>upgrade</c>: a larger instance type. Make sure the account balance covers the price difference.</summary>
    Upgrade,

    /// <summary>
    /// <c>downgrade</c>: a smaller instance type. The instance must be <c>Stopped</c>, at most three downgrades are
    /// allowed per instance, and the new type takes effect when the instance is started.
    /// </summary>
    Downgrade,
}
