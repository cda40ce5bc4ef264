using AliEcsSpec.Interop.Support;

namespace AliEcsSpec.Interop;

/// <summary>
/// @alicloud/openapi-client 0.4.15's generic <c>callApi</c> (the path of every product client built on it, and of
/// STS here, which has no pinned product client): V3 by default, V2 with <c>signatureAlgorithm: 'v2'</c>.
/// </summary>
public sealed class OpenApiClientTests : InteropTest
{
    [Fact]
    public async Task V2_AssumeRole_IssuesOneSession()
    {
        var outcome = await CallAsync(Variant.OpenApiV2, "AssumeRole", Demo, DemoRole());

        AssertSessionIssued(outcome);
    }

    [Fact]
    public async Task V3_AssumeRole_IssuesOneSession()
    {
        var outcome = await CallAsync(Variant.OpenApiV3, "AssumeRole", Demo, DemoRole());

        AssertSessionIssued(outcome);
    }

    [Fact]
    public async Task V2_ModifyInstanceSpec_ChangesBandwidth()
    {
        var outcome = await CallAsync(Variant.OpenApiV2, ModifyInstanceSpec, Demo, Bandwidth());

        AssertBandwidthChanged(outcome, Demo.AccessKeyId);
    }

    [Fact]
    public async Task V3_ModifyPrepayInstanceSpec_PlacesPaidOrder()
    {
        var outcome = await CallAsync(Variant.OpenApiV3, ModifyPrepayInstanceSpec, Demo, Upgrade());

        AssertOrderPlaced(outcome);
    }

    [Fact]
    public async Task V3_EmulatorIssuedStsToken_PlacesPaidOrderAsTheSession()
    {
        var sts = await AssumeDemoRoleAsync();

        var outcome = await CallAsync(Variant.OpenApiV3, ModifyPrepayInstanceSpec, sts, Upgrade());

        Assert.Equal(sts.AccessKeyId, Logged(outcome).AccessKeyId);
        AssertOrderPlaced(outcome);
    }

    [Fact]
    public async Task V2_WrongSecret_SignatureDoesNotMatchAndNothingChanges()
    {
        var outcome = await CallAsync(Variant.OpenApiV2, ModifyPrepayInstanceSpec, WrongSecret, Upgrade());

        AssertRefusedUnchanged(outcome, 400, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task V3_WrongSecret_AssumeRoleIsRefusedAndIssuesNothing()
    {
        var outcome = await CallAsync(Variant.OpenApiV3, "AssumeRole", WrongSecret, DemoRole());

        AssertRefusedUnchanged(outcome, 400, "SignatureDoesNotMatch");
        Assert.Empty(Emulator.State.StsSessions);
    }

    private void AssertSessionIssued(SdkOutcome outcome)
    {
        Assert.Equal((200, null), (outcome.Status, outcome.Code));
        var session = Assert.Single(Emulator.State.StsSessions);
        Assert.Equal(session.AccessKeyId, outcome.Body.GetProperty("Credentials").GetProperty("AccessKeyId").GetString());
        Assert.Equal(("AssumeRole", Demo.AccessKeyId), (Logged(outcome).Action, Logged(outcome).AccessKeyId));
    }
}
