using AliEcsSpec.Interop.Support;

namespace AliEcsSpec.Interop;

/// <summary>ModifyPrepayInstanceSpec (a subscription upgrade) through each official SDK in each of its ways.</summary>
public sealed class ModifyPrepayInstanceSpecTests : InteropTest
{
    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task Call_DemoAccessKey_PlacesPaidOrder(string variant)
    {
        var outcome = await CallAsync(variant, ModifyPrepayInstanceSpec, Demo, Upgrade());

        AssertOrderPlaced(outcome);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task Call_EmulatorIssuedStsToken_PlacesPaidOrderAsTheSession(string variant)
    {
        var sts = await AssumeDemoRoleAsync();

        var outcome = await CallAsync(variant, ModifyPrepayInstanceSpec, sts, Upgrade());

        Assert.Equal(sts.AccessKeyId, Logged(outcome).AccessKeyId);
        AssertOrderPlaced(outcome);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task Call_BooleansWrittenTrueFalse_PlacesUnpaidOrder(string variant)
    {
        // AutoPay=False must read as false: the order stays unpaid.
        var booleans = Upgrade(("AutoPay", "False"), ("MigrateAcrossZone", "True"), ("RebootWhenFinished", "False"));

        var outcome = await CallAsync(variant, ModifyPrepayInstanceSpec, Demo, booleans);

        AssertOrderPlaced(outcome, paid: false);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task Call_WrongSecret_SignatureDoesNotMatchAndNothingChanges(string variant)
    {
        var outcome = await CallAsync(variant, ModifyPrepayInstanceSpec, WrongSecret, Upgrade());

        AssertRefusedUnchanged(outcome, 400, "SignatureDoesNotMatch");
    }
}
