using AliEcsSpec.Interop.Support;

namespace AliEcsSpec.Interop;

/// <summary>ModifyInstanceSpec (a pay-as-you-go bandwidth change) through each official SDK in each of its ways.</summary>
public sealed class ModifyInstanceSpecTests : InteropTest
{
    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task Call_DemoAccessKey_ChangesBandwidth(string variant)
    {
        var outcome = await CallAsync(variant, ModifyInstanceSpec, Demo, Bandwidth());

        AssertBandwidthChanged(outcome, Demo.AccessKeyId);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task Call_EmulatorIssuedStsToken_ChangesBandwidthAsTheSession(string variant)
    {
        var sts = await AssumeDemoRoleAsync();

        var outcome = await CallAsync(variant, ModifyInstanceSpec, sts, Bandwidth());

        AssertBandwidthChanged(outcome, sts.AccessKeyId);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task Call_BooleansWrittenTrueFalse_ChangesBandwidth(string variant)
    {
        // DryRun=False must read as false, or nothing would change.
        var booleans = Bandwidth(("DryRun", "False"), ("Async", "True"), ("AllowMigrateAcrossZone", "False"));

        var outcome = await CallAsync(variant, ModifyInstanceSpec, Demo, booleans);

        AssertBandwidthChanged(outcome, Demo.AccessKeyId);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task Call_WrongSecret_SignatureDoesNotMatchAndNothingChanges(string variant)
    {
        var outcome = await CallAsync(variant, ModifyInstanceSpec, WrongSecret, Bandwidth());

        AssertRefusedUnchanged(outcome, 400, "SignatureDoesNotMatch");
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task Call_DryRunTrue_AnswersDryRunOperationAndChangesNothing(string variant)
    {
        // A JSON boolean: each SDK writes it its own way (all of them "true").
        var outcome = await CallAsync(variant, ModifyInstanceSpec, Demo, Bandwidth(("DryRun", true)));

        AssertRefusedUnchanged(outcome, 400, "DryRunOperation");
    }
}
