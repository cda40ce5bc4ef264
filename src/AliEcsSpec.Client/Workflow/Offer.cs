namespace AliEcsSpec.Client.Workflow;

/// <summary>What <c>DescribeResourcesModification</c> offers in one direction: types with stock, and types without.</summary>
internal sealed record Offer(IReadOnlyList<string> Available, IReadOnlyList<string> SoldOut)
{
    public static Offer None { get; } = new([], []);

    public bool IsAvailable(string instanceType) => Available.Contains(instanceType, StringComparer.Ordinal);

    public bool Lists(string instanceType) => IsAvailable(instanceType) || SoldOut.Contains(instanceType, StringComparer.Ordinal);
}

/// <summary>What the offers say about the target: its direction, or that a change of the instance is already pending.</summary>
/// <param name="Direction">Upgrade or downgrade; null when the target is not offered.</param>
/// <param name="Pending">
/// The target is not offered, but the instance's own current type is: the service already counts the instance as
/// another type, so a change is pending (a plan run again after its change was sent, before the type shows). The
/// change is then sent again with the plan's ClientToken, which the service answers as a replay of the first.
/// </param>
internal sealed record OfferDecision(OperatorType? Direction, bool Pending)
{
    public static OfferDecision Of(string target, string current, Offer upgrade, Offer downgrade) =>
        upgrade.IsAvailable(target) ? new(OperatorType.Upgrade, false)
        : downgrade.IsAvailable(target) ? new(OperatorType.Downgrade, false)
        // Offered as an upgrade from the pending type, the current type is larger: the pending change was a downgrade.
        : upgrade.Lists(current) ? new(downgrade == Offer.None ? OperatorType.Upgrade : OperatorType.Downgrade, true)
        : downgrade.Lists(current) ? new(OperatorType.Upgrade, true)
        : new(null, false);
}
