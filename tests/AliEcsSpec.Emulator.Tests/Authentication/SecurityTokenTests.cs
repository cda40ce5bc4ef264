using System.Net;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Authentication;

/// <summary>A SecurityToken belongs to temporary (STS) credentials only.</summary>
public sealed class SecurityTokenTests
{
    [Fact]
    public async Task SecurityToken_WithALongTermAccessKey_IsRefusedWithInvalidSecurityTokenMismatch()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "8"), ("SecurityToken", "CAIS-not-for-this-key"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidSecurityToken.Mismatch", "Specified SecurityToken is not matched with the AccessKeyId."),
            (answer.Status, answer.Code, answer.Message));
        Assert.Empty(h.State.Changes);
    }
}
