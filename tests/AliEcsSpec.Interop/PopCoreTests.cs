using AliEcsSpec.Interop.Support;

namespace AliEcsSpec.Interop;

/// <summary>@alicloud/pop-core 1.8.0 (<c>RPCClient</c>): V2 signatures, sent as a GET query or a POST form body.</summary>
public sealed class PopCoreTests : InteropTest
{
    [Fact]
    public async Task V2Get_ModifyInstanceSpec_ChangesBandwidth()
    {
        var outcome = await CallAsync(Variant.PopCoreV2Get, ModifyInstanceSpec, Demo, Bandwidth());

        AssertBandwidthChanged(outcome, Demo.AccessKeyId);
    }

    [Fact]
    public async Task V2Form_ModifyInstanceSpec_ChangesBandwidth()
    {
        var outcome = await CallAsync(Variant.PopCoreV2Form, ModifyInstanceSpec, Demo, Bandwidth());

        AssertBandwidthChanged(outcome, Demo.AccessKeyId);
    }

    [Fact]
    public async Task V2Get_ModifyPrepayInstanceSpec_PlacesPaidOrder()
    {
        var outcome = await CallAsync(Variant.PopCoreV2Get, ModifyPrepayInstanceSpec, Demo, Upgrade());

        AssertOrderPlaced(outcome);
    }

    [Fact]
    public async Task V2Form_ModifyPrepayInstanceSpec_PlacesPaidOrder()
    {
        var outcome = await CallAsync(Variant.PopCoreV2Form, ModifyPrepayInstanceSpec, Demo, Upgrade());

        AssertOrderPlaced(outcome);
    }

    [Fact]
    public async Task V2Get_AssumeRole_IssuesTheSessionItAnswers()
    {
        var outcome = await CallAsync(Variant.PopCoreV2Get, "AssumeRole", Demo, DemoRole());

        Assert.Equal((200, null), (outcome.Status, outcome.Code));
        Assert.Equal(new[] { "AssumedRoleUser", "Credentials", "RequestId" }, outcome.BodyMembers);
        var session = Assert.Single(Emulator.State.StsSessions);
        var credentials = outcome.Body.GetProperty("Credentials");
        Assert.Equal(
            (session.AccessKeyId, session.AccessKeySecret, session.SecurityToken, EmulatorSeed.DemoRoleArn),
            (credentials.GetProperty("AccessKeyId").GetString(), credentials.GetProperty("AccessKeySecret").GetString(),
                credentials.GetProperty("SecurityToken").GetString(), session.RoleArn));
    }

    [Fact]
    public async Task V2Form_EmulatorIssuedStsToken_ChangesBandwidthAsTheSession()
    {
        var sts = await AssumeDemoRoleAsync();

        var outcome = await CallAsync(Variant.PopCoreV2Form, ModifyInstanceSpec, sts, Bandwidth());

        Assert.Equal(sts.SecurityToken, Assert.Single(outcome.Sent).Form["SecurityToken"]);
        AssertBandwidthChanged(outcome, sts.AccessKeyId);
    }

    [Fact]
    public async Task V2Get_BooleansWrittenTrueFalse_ModifyInstanceSpecChangesBandwidth()
    {
        // DryRun=False must read as false, or nothing would change.
        var outcome = await CallAsync(
            Variant.PopCoreV2Get, ModifyInstanceSpec, Demo, Bandwidth(("DryRun", "False"), ("Async", "True"), ("AllowMigrateAcrossZone", "False")));

        AssertBandwidthChanged(outcome, Demo.AccessKeyId);
    }

    [Fact]
    public async Task V2Form_BooleansWrittenTrueFalse_ModifyPrepayInstanceSpecPlacesUnpaidOrder()
    {
        // AutoPay=False must read as false: the order stays unpaid.
        var outcome = await CallAsync(
            Variant.PopCoreV2Form, ModifyPrepayInstanceSpec, Demo, Upgrade(("AutoPay", "False"), ("MigrateAcrossZone", "True"), ("RebootWhenFinished", "False")));

        AssertOrderPlaced(outcome, paid: false);
    }

    [Fact]
    public async Task V2Get_WrongSecret_SignatureDoesNotMatchAndNothingChanges()
    {
        var outcome = await CallAsync(Variant.PopCoreV2Get, ModifyInstanceSpec, WrongSecret, Bandwidth());

        AssertRefusedUnchanged(outcome, 400, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task V2Form_WrongSecret_SignatureDoesNotMatchAndNothingChanges()
    {
        var outcome = await CallAsync(Variant.PopCoreV2Form, ModifyPrepayInstanceSpec, WrongSecret, Upgrade());

        AssertRefusedUnchanged(outcome, 400, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task V2Get_DryRunTrue_AnswersDryRunOperationAndChangesNothing()
    {
        var outcome = await CallAsync(Variant.PopCoreV2Get, ModifyInstanceSpec, Demo, Bandwidth(("DryRun", "True")));

        AssertRefusedUnchanged(outcome, 400, "DryRunOperation");
    }
}
