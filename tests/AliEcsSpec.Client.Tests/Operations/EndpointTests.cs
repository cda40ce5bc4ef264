using System.Net;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>Where calls go: regional, VPC and overridden endpoints, and which overrides are refused.</summary>
public sealed class EndpointTests
{
    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_UseVpcEndpoint_PostsToEcsVpcHost()
    {
        using var test = new TestClient(o => o.UseVpcEndpoint = true)
            .Answer(HttpStatusCode.OK, """{"OrderId":"1","RequestId":"r"}""", url: "https://ecs-vpc.cn-shanghai.aliyuncs.com/");

        var response = await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { RegionId = "cn-shanghai" });

        Assert.Equal("1", response.OrderId);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_EndpointOverride_PostsThereWhateverTheRegion()
    {
        using var test = new TestClient(o => o.Endpoint = new Uri("http://127.0.0.1:8085"))
            .Answer(HttpStatusCode.OK, """{"OrderId":"1","RequestId":"r"}""", url: "http://127.0.0.1:8085/");

        var response = await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { RegionId = "us-east-1" });

        Assert.Equal("us-east-1", test.LastForm["RegionId"]);
        Assert.Equal("r", response.RequestId);
    }

    [Theory]
    [InlineData("http://ecs.cn-hangzhou.aliyuncs.com", "plain http")]
    [InlineData("http://10.0.0.5:8085", "plain http")]
    [InlineData("ftp://127.0.0.1", "must use https")]
    [InlineData("https://ecs.cn-hangzhou.aliyuncs.com/v1", "no path")]
    [InlineData("https://ecs.cn-hangzhou.aliyuncs.com/?a=b", "no path, query")]
    [InlineData("https://user:pw@ecs.cn-hangzhou.aliyuncs.com", "user information")]
    public void Create_UnsafeOrUnsignableEndpoint_ThrowsNamingTheRule(string endpoint, string rule)
    {
        var options = new EcsSpecClientOptions { RegionId = "cn-hangzhou", AccessKeyId = "id", AccessKeySecret = "s", Endpoint = new Uri(endpoint) };

        var error = Assert.Throws<ArgumentException>(() => EcsSpecClient.Create(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("EcsSpecClientOptions.Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EndpointWithPassword_NeverQuotesThePassword()
    {
        var options = new EcsSpecClientOptions { AccessKeyId = "id", AccessKeySecret = "s", Endpoint = new Uri("http://AKID:TopSecret@example.com/") };

        var error = Assert.Throws<ArgumentException>(() => EcsSpecClient.Create(options));

        Assert.Contains("must not contain user information", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5000")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://[::1]:5000")]
    public void Create_PlainHttpOnLoopback_IsAllowedForALocalEmulator(string endpoint)
    {
        var options = new EcsSpecClientOptions { AccessKeyId = "id", AccessKeySecret = "s", Endpoint = new Uri(endpoint) };

        using var client = EcsSpecClient.Create(options);

        Assert.NotNull(client);
    }
}
