using AliEcsSpec.Client.Workflow;

namespace AliEcsSpec.Client.Tests.Workflow;

/// <summary>What DescribeResourcesModification's two lists say about the target: its direction, or a pending change.</summary>
public sealed class OfferDecisionTests
{
    // Each list is the types with stock; "!" marks one without. A null downgrade list was not asked for.
    private static Offer Offering(string[]? types) => types is null
        ? Offer.None
        : new([.. types.Where(t => t[0] != '!')], [.. types.Where(t => t[0] == '!').Select(t => t[1..]).Append("ecs.r6.large")]);

    public static TheoryData<string, string[], string[]?, OperatorType?, bool> Cases => new()
    {
        // target ecs.g5.xlarge, current ecs.g5.large unless a row says otherwise
        { "offered as an upgrade", ["ecs.g5.xlarge"], null, OperatorType.Upgrade, false },
        { "offered as a downgrade", ["ecs.g5.2xlarge"], ["ecs.g5.xlarge"], OperatorType.Downgrade, false },
        { "sold out is not offered", ["!ecs.g5.xlarge"], ["!ecs.g5.xlarge"], null, false },
        { "not listed at all", ["ecs.g6.2xlarge"], ["ecs.c6.large"], null, false },
        // The service lists the current type: it counts the instance as the pending type already.
        { "pending upgrade (current listed as a downgrade)", ["ecs.g5.2xlarge"], ["ecs.g5.large"], OperatorType.Upgrade, true },
        { "pending downgrade (current listed as an upgrade)", ["ecs.g5.large", "ecs.g5.2xlarge"], [], OperatorType.Downgrade, true },
        { "pending downgrade, current type sold out", ["!ecs.g5.large"], [], OperatorType.Downgrade, true },
        { "pay-as-you-go pending (one list only)", ["ecs.g5.large"], null, OperatorType.Upgrade, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_TheTwoLists_GiveTheDirectionOrAPendingChange(string name, string[] upgrade, string[]? downgrade, OperatorType? direction, bool pending)
    {
        _ = name;

        var decision = OfferDecision.Of("ecs.g5.xlarge", "ecs.g5.large", Offering(upgrade), Offering(downgrade));

        Assert.Equal((direction, pending), (decision.Direction, decision.Pending));
    }
}
