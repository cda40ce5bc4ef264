using AliEcsSpec.Interop.Support;

namespace AliEcsSpec.Interop;

/// <summary>STS AssumeRole, which the emulator serves on the same endpoint, through the SDKs that can call it.</summary>
public sealed class AssumeRoleTests : InteropTest
{
    [Theory]
    [MemberData(nameof(Variant.ForSts), MemberType = typeof(Variant))]
    public async Task Call_DemoRole_IssuesTheSessionItAnswers(string variant)
    {
        var outcome = await CallAsync(variant, AssumeRole, Demo, DemoRole());

        Assert.Equal((200, null), (outcome.Status, outcome.Code));
        Assert.Equal(new[] { "AssumedRoleUser", "Credentials", "RequestId" }, outcome.BodyMembers);
        var session = Assert.Single(Emulator.State.StsSessions);
        var credentials = outcome.Body.GetProperty("Credentials");
        Assert.Equal(
            (session.AccessKeyId, session.AccessKeySecret, session.SecurityToken, EmulatorSeed.DemoRoleArn),
            (credentials.GetProperty("AccessKeyId").GetString(), credentials.GetProperty("AccessKeySecret").GetString(),
                credentials.GetProperty("SecurityToken").GetString(), session.RoleArn));
        Assert.Equal((AssumeRole, Demo.AccessKeyId, 200), (Logged(outcome).Action, Logged(outcome).AccessKeyId, Logged(outcome).Status));
    }

    [Theory]
    [MemberData(nameof(Variant.ForSts), MemberType = typeof(Variant))]
    public async Task Call_WrongSecret_SignatureDoesNotMatchAndIssuesNothing(string variant)
    {
        var outcome = await CallAsync(variant, AssumeRole, WrongSecret, DemoRole());

        AssertRefusedUnchanged(outcome, 400, "SignatureDoesNotMatch");
        Assert.Empty(Emulator.State.StsSessions);
    }
}
