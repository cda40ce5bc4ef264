using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Client.Errors;
using AliEcsSpec.Emulator;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;

namespace Consumer.Tests;

// What a user's own tests do with the packages: build results and errors, mock the client, inject keyed clients, and
// run the emulator. Compiled and run by build/consumer-test.sh for net8.0 and net10.0.
public sealed class ConsumerTests
{
    [Fact]
    public void ModelFactory_EveryResultAndError_CanBeBuilt()
    {
        Assert.Equal("o-1", EcsModelFactory.ModifyPrepayInstanceSpecResponse("r-1", "o-1").OrderId);
        Assert.True(EcsModelFactory.ModifyInstanceSpecResponse("r-2", dryRun: true).DryRun);
        Assert.IsType<EcsThrottlingException>(EcsModelFactory.ServiceException("ModifyInstanceSpec", "Throttling", "slow down", HttpStatusCode.BadRequest));
        Assert.Equal(EcsErrorKind.UnexpectedResponse, EcsModelFactory.UnexpectedResponseError("ModifyInstanceSpec", HttpStatusCode.BadGateway, "html").Kind);
        Assert.False(EcsModelFactory.TransportError("ModifyInstanceSpec", "reset", clientToken: null).IsRetryable);
        Assert.Equal("ModifyInstanceSpec", EcsModelFactory.CredentialsException("ModifyInstanceSpec", "none").Operation);
    }

    [Fact]
    public async Task MockedClient_FailurePath_ThrowsTheFamilyException()
    {
        var ecs = Substitute.For<IEcsSpecClient>();
        ecs.ModifyInstanceSpecAsync(Arg.Any<ModifyInstanceSpecRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(EcsModelFactory.ServiceException("ModifyInstanceSpec", "InvalidInstanceStatus.NotStopped", "stop it first", HttpStatusCode.BadRequest));

        await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() => ecs.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-1", InternetMaxBandwidthOut = 10 }));
    }

    [Fact]
    public void TwoKeyedClients_AreInjectedSideBySide()
    {
        var services = new ServiceCollection();
        services.AddEcsSpecClient("hangzhou", o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "a"; o.AccessKeySecret = "s"; });
        services.AddEcsSpecClient("beijing", o => { o.RegionId = "cn-beijing"; o.AccessKeyId = "b"; o.AccessKeySecret = "t"; });
        using var provider = services.BuildServiceProvider();

        Assert.NotSame(provider.GetRequiredKeyedService<IEcsSpecClient>("hangzhou"), provider.GetRequiredKeyedService<IEcsSpecClient>("beijing"));
    }

    [Fact]
    public async Task EmulatorFixture_ChangesBandwidthOfADemoInstance()
    {
        await using var emulator = await EcsEmulator.StartAsync();
        using var client = EcsSpecClient.Create(new EcsSpecClientOptions
        {
            Endpoint = emulator.Endpoint, AccessKeyId = emulator.AccessKeyId, AccessKeySecret = emulator.AccessKeySecret,
        });
        var instance = emulator.State.Instances.First(i => i.ChargeType == InstanceChargeType.PostPaid);

        var response = await client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = instance.InstanceId, InternetMaxBandwidthOut = 42 });

        Assert.False(string.IsNullOrEmpty(response.RequestId));
    }
}
