using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Tests.Support;
using AliEcsSpec.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Client.Tests.DependencyInjection;

/// <summary><c>services.AddEcsSpecClient(name, …)</c>: one client per account or region, side by side.</summary>
public sealed class KeyedClientTests
{
    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEnvironmentVariables>(new FakeEnvironment());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestClient.Now));
        return services;
    }

    [Fact]
    public async Task AddEcsSpecClient_TwoNames_EachClientSignsWithItsOwnKeyThroughItsOwnHttpClient()
    {
        var services = Services();
        using var hangzhou = new RecordingServer("""{"RequestId":"r1"}""");
        using var beijing = new RecordingServer("""{"RequestId":"r2"}""");
        services.AddEcsSpecClient("hangzhou", o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "id-hz"; o.AccessKeySecret = "secret-hz"; })
            .ConfigurePrimaryHttpMessageHandler(() => hangzhou.Handler);
        services.AddEcsSpecClient("beijing", o => { o.RegionId = "cn-beijing"; o.AccessKeyId = "id-bj"; o.AccessKeySecret = "secret-bj"; })
            .ConfigurePrimaryHttpMessageHandler(() => beijing.Handler);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<IEcsSpecClient>("hangzhou").ModifyInstanceSpecAsync(TestClient.Spec());
        await provider.GetRequiredKeyedService<IEcsSpecClient>("beijing").ModifyInstanceSpecAsync(TestClient.Spec());

        var (hz, bj) = (WireForm.Parse(hangzhou.LastBody), WireForm.Parse(beijing.LastBody));
        Assert.Equal(("id-hz", hz.ExpectedSignature("secret-hz")), (hz["AccessKeyId"], hz["Signature"]));
        Assert.Equal(("id-bj", bj.ExpectedSignature("secret-bj")), (bj["AccessKeyId"], bj["Signature"]));
        Assert.Equal((1, 1), (hangzhou.Bodies.Count, beijing.Bodies.Count));
    }

    [Fact]
    public void AddEcsSpecClient_KeyedAndUnkeyed_AreTwoClientsWithTheirOwnOptions()
    {
        var services = Services();
        services.AddEcsSpecClient(o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "id"; o.AccessKeySecret = "s"; });
        services.AddEcsSpecClient("beijing", o => { o.RegionId = "cn-beijing"; o.AccessKeyId = "id-bj"; o.AccessKeySecret = "s-bj"; });
        using var provider = services.BuildServiceProvider();

        var monitor = provider.GetRequiredService<IOptionsMonitor<EcsSpecClientOptions>>();

        Assert.NotSame(provider.GetRequiredService<IEcsSpecClient>(), provider.GetRequiredKeyedService<IEcsSpecClient>("beijing"));
        Assert.Equal(("cn-hangzhou", "cn-beijing"), (monitor.CurrentValue.RegionId, monitor.Get("beijing").RegionId));
    }

    [Fact]
    public void AddEcsSpecClient_SameNameTwice_ThrowsNamingIt()
    {
        var services = Services();
        services.AddEcsSpecClient("beijing", o => o.RegionId = "cn-beijing");

        var error = Assert.Throws<InvalidOperationException>(() => services.AddEcsSpecClient("beijing", o => o.RegionId = "cn-beijing"));

        Assert.Equal("An ECS client named 'beijing' is already registered: give each AddEcsSpecClient(name, …) call its own name.", error.Message);
    }

    [Fact]
    public void AddEcsSpecClient_KeyedWithoutCredentials_FailsAtStartUpForThatClient()
    {
        var services = Services();
        services.AddEcsSpecClient(o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "id"; o.AccessKeySecret = "s"; });
        services.AddEcsSpecClient("beijing", o => o.RegionId = "cn-beijing");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("beijing", error.OptionsName);
        Assert.Contains("No Alibaba Cloud credentials were found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEcsSpecClient_KeyedCredentialsProviderOfTheApplication_IsTheOneThatSigns()
    {
        var services = Services();
        using var server = new RecordingServer("""{"RequestId":"r"}""");
        services.AddEcsSpecClient("sts", o => o.RegionId = "cn-hangzhou").ConfigurePrimaryHttpMessageHandler(() => server.Handler);
        services.AddKeyedSingleton<ICredentialsProvider>("sts", new StaticCredentialsProvider(new AlibabaCloudCredentials("app-id", "app-secret")));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<IEcsSpecClient>("sts").ModifyInstanceSpecAsync(TestClient.Spec());

        var form = WireForm.Parse(server.LastBody);
        Assert.Equal(("app-id", form.ExpectedSignature("app-secret")), (form["AccessKeyId"], form["Signature"]));
    }
}
