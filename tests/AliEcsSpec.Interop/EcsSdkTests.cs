using AliEcsSpec.Interop.Support;

namespace AliEcsSpec.Interop;

/// <summary>
/// @alicloud/ecs20140526 7.11.6 (over @alicloud/openapi-core): V3 by default, V2 with <c>signatureAlgorithm: 'v2'</c>;
/// both POST with every parameter in the query.
/// </summary>
public sealed class EcsSdkTests : InteropTest
{
    [Fact]
    public async Task V2_ModifyInstanceSpec_ChangesBandwidth()
    {
        var outcome = await CallAsync(Variant.EcsV2, ModifyInstanceSpec, Demo, Bandwidth());

        AssertBandwidthChanged(outcome, Demo.AccessKeyId);
    }

    [Fact]
    public async Task V2_ModifyPrepayInstanceSpec_PlacesPaidOrder()
    {
        var outcome = await CallAsync(Variant.EcsV2, ModifyPrepayInstanceSpec, Demo, Upgrade());

        AssertOrderPlaced(outcome);
    }

    [Fact]
    public async Task V3_ModifyInstanceSpec_ChangesBandwidth()
    {
        var outcome = await CallAsync(Variant.EcsV3, ModifyInstanceSpec, Demo, Bandwidth());

        AssertBandwidthChanged(outcome, Demo.AccessKeyId);
    }

    [Fact]
    public async Task V3_ModifyPrepayInstanceSpec_PlacesPaidOrder()
    {
        var outcome = await CallAsync(Variant.EcsV3, ModifyPrepayInstanceSpec, Demo, Upgrade());

        AssertOrderPlaced(outcome);
    }

    [Fact]
    public async Task V2_EmulatorIssuedStsToken_ChangesBandwidthAsTheSession()
    {
        var sts = await AssumeDemoRoleAsync();

        var outcome = await CallAsync(Variant.EcsV2, ModifyInstanceSpec, sts, Bandwidth());

        Assert.Equal(sts.SecurityToken, Assert.Single(outcome.Sent).Query["SecurityToken"]);
        AssertBandwidthChanged(outcome, sts.AccessKeyId);
    }

    [Fact]
    public async Task V3_EmulatorIssuedStsToken_ChangesBandwidthAsTheSession()
    {
        var sts = await AssumeDemoRoleAsync();

        var outcome = await CallAsync(Variant.EcsV3, ModifyInstanceSpec, sts, Bandwidth());

        Assert.Equal(sts.SecurityToken, Assert.Single(outcome.Sent).Header("x-acs-security-token"));
        AssertBandwidthChanged(outcome, sts.AccessKeyId);
    }

    [Fact]
    public async Task V3_BooleansWrittenTrueFalse_ModifyPrepayInstanceSpecPlacesUnpaidOrder()
    {
        // The model's boolean fields take the strings as they are; AutoPay=False must read as false.
        var outcome = await CallAsync(Variant.EcsV3, ModifyPrepayInstanceSpec, Demo, Upgrade(("AutoPay", "False"), ("MigrateAcrossZone", "True")));

        AssertOrderPlaced(outcome, paid: false);
    }

    [Fact]
    public async Task V2_WrongSecret_SignatureDoesNotMatchAndNothingChanges()
    {
        var outcome = await CallAsync(Variant.EcsV2, ModifyInstanceSpec, WrongSecret, Bandwidth());

        AssertRefusedUnchanged(outcome, 400, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task V3_WrongSecret_SignatureDoesNotMatchAndNothingChanges()
    {
        var outcome = await CallAsync(Variant.EcsV3, ModifyPrepayInstanceSpec, WrongSecret, Upgrade());

        AssertRefusedUnchanged(outcome, 400, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task V2_DryRunTrue_AnswersDryRunOperationAndChangesNothing()
    {
        var outcome = await CallAsync(Variant.EcsV2, ModifyInstanceSpec, Demo, Bandwidth(("DryRun", true)));

        AssertRefusedUnchanged(outcome, 400, "DryRunOperation");
    }

    [Fact]
    public async Task V3_DryRunTrue_AnswersDryRunOperationAndChangesNothing()
    {
        var outcome = await CallAsync(Variant.EcsV3, ModifyInstanceSpec, Demo, Bandwidth(("DryRun", true)));

        AssertRefusedUnchanged(outcome, 400, "DryRunOperation");
    }
}
