using AliEcsSpec.Client.Workflow;

namespace AliEcsSpec.Client.Tests.Workflow;

/// <summary>
/// The change's ClientToken comes from the plan alone, so that a plan run again after a crash, on any machine or
/// version of the library, sends the same token and the service answers it as a replay instead of a second order.
/// </summary>
public sealed class ResizeClientTokensTests
{
    [Fact]
    public void For_APlan_IsThePinnedSha256Derivation()
    {
        // Pinned: changing the derivation would make plans started before an upgrade order twice when run again after it.
        Assert.Equal(
            "rsz-7D8EA1B9D45F4EB057DA9335C9E14E38A1A0BA45D1E80D46F36FAE1E",
            ResizeClientTokens.For("plan-2026-11-23", "i-fleet-001", "ecs.g6.xlarge", ResizeStepKind.Change));
    }

    [Fact]
    public void For_AnyPlan_IsSixtyPrintableAsciiCharacters()
    {
        var token = ResizeClientTokens.For(new string('~', 64), "i-" + new string('x', 200), "ecs.é.large", ResizeStepKind.Change);

        Assert.Equal(60, token.Length);
        Assert.All(token, c => Assert.InRange(c, '!', '~'));
    }

    public static TheoryData<string, string, string, ResizeStepKind> OnePartChanged => new()
    {
        { "plan-2026-11-24", "i-fleet-001", "ecs.g6.xlarge", ResizeStepKind.Change },
        { "plan-2026-11-23", "i-fleet-002", "ecs.g6.xlarge", ResizeStepKind.Change },
        { "plan-2026-11-23", "i-fleet-001", "ecs.g6.2xlarge", ResizeStepKind.Change },
        { "plan-2026-11-23", "i-fleet-001", "ecs.g6.xlarge", ResizeStepKind.Stop },
    };

    [Theory]
    [MemberData(nameof(OnePartChanged))]
    public void For_AnotherPlanTokenInstanceTypeOrStep_IsAnotherToken(string plan, string instanceId, string type, ResizeStepKind step)
    {
        Assert.NotEqual(
            ResizeClientTokens.For("plan-2026-11-23", "i-fleet-001", "ecs.g6.xlarge", ResizeStepKind.Change),
            ResizeClientTokens.For(plan, instanceId, type, step));
    }
}
