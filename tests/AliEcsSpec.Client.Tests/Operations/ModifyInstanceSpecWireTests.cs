using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>What <c>ModifyInstanceSpec</c> puts on the wire, parameter by parameter.</summary>
public sealed class ModifyInstanceSpecWireTests
{
    [Fact]
    public async Task ModifyInstanceSpecAsync_InstanceTypeChangeWithEveryTypeParameter_SendsEachInItsDocumentedForm()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with
        {
            Async = true,
            AllowMigrateAcrossZone = false,
            SystemDiskCategory = SystemDiskCategory.CloudSsd,
            ClientToken = "0c593ea1-3bea-11e9-b96b-88e9fe637760",
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["InstanceId"] = "i-bp67acfmxazb4p****",
                ["InstanceType"] = "ecs.g6.large",
                ["Async"] = "true",
                ["AllowMigrateAcrossZone"] = "false",
                ["SystemDisk.Category"] = "cloud_ssd",
                ["ClientToken"] = "0c593ea1-3bea-11e9-b96b-88e9fe637760",
            },
            test.LastForm.OperationFields());
        Assert.Equal("ModifyInstanceSpec", test.LastForm["Action"]);
        Assert.Equal(test.LastForm.ExpectedSignature(TestClient.AccessKeySecret), test.LastForm["Signature"]);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_BandwidthChange_SendsBothBandwidthsAsIntegers()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
        {
            InstanceId = "i-1",
            InternetMaxBandwidthOut = 0,
            InternetMaxBandwidthIn = 200,
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["InstanceId"] = "i-1",
                ["InternetMaxBandwidthOut"] = "0",
                ["InternetMaxBandwidthIn"] = "200",
            },
            test.LastForm.OperationFields());
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_TemporaryBandwidth_SendsUtcTimesToTheSecond()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
        {
            InstanceId = "i-1",
            TemporaryStartTime = new DateTimeOffset(2017, 12, 6, 6, 40, 0, 250, TimeSpan.FromHours(8)),
            TemporaryEndTime = new DateTimeOffset(2017, 12, 5, 23, 40, 30, TimeSpan.Zero),
            TemporaryInternetMaxBandwidthOut = 50,
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["InstanceId"] = "i-1",
                ["Temporary.StartTime"] = "2017-12-05T22:40:00Z",
                ["Temporary.EndTime"] = "2017-12-05T23:40:30Z",
                ["Temporary.InternetMaxBandwidthOut"] = "50",
            },
            test.LastForm.OperationFields());
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_RequestRegionId_IsSentAndChoosesTheRegionalEndpoint()
    {
        using var test = new TestClient().Answer(
            System.Net.HttpStatusCode.OK, """{"RequestId":"r"}""", url: "https://ecs.ap-southeast-1.aliyuncs.com/");

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { RegionId = "ap-southeast-1" });

        Assert.Equal("ap-southeast-1", test.LastForm["RegionId"]);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_NoRequestRegionId_UsesOptionsRegionEndpointAndSendsNoRegionId()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec());

        Assert.False(test.LastForm.Fields.ContainsKey("RegionId"));
    }
}
