using AliEcsSpec.Client;
using AliEcsSpec.Client.Signing;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Authentication;

/// <summary>The client signing with V3 (ACS3-HMAC-SHA256) against the emulator's own, independent V3 verifier.</summary>
public sealed class ClientV3Tests
{
    [Fact]
    public async Task BandwidthChange_ClientSignsV3_AppliesAtOnce()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoAccessKeySecret, signatureVersion: SignatureVersion.V3);

        await client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 30 });

        Assert.Equal(30, h.State.GetInstance("i-postpaid-running-01")!.InternetMaxBandwidthOut);
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task BandwidthChange_ClientSignsV3WithAWrongSecret_IsRefusedWithSignatureDoesNotMatchAndChangesNothing()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.DemoAccessKeyId, "not-the-secret", signatureVersion: SignatureVersion.V3);

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() =>
            client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 30 }));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task BandwidthChange_ThrottledOnceUnderV3_IsRetriedWithAFreshSignatureAndApplied()
    {
        await using var h = await Harness.StartAsync();
        using var client = h.ClientFor(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoAccessKeySecret, maxAttempts: 2, signatureVersion: SignatureVersion.V3);
        h.Emulator.Faults.Next(InjectedFault.Throttling, count: 1, action: "ModifyInstanceSpec");

        await h.Time.RunAsync(client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
        {
            InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 40, ClientToken = "v3-retry-1",
        }));

        Assert.Equal(40, h.State.GetInstance("i-postpaid-running-01")!.InternetMaxBandwidthOut);
        Assert.Single(h.State.Changes);
    }
}
