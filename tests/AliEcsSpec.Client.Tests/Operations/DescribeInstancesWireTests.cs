using System.Net;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>What <c>DescribeInstances</c> puts on the wire, and how its documented answer is read.</summary>
public sealed class DescribeInstancesWireTests
{
    /// <summary>The documented sample success response (API reference, DescribeInstances), with a lock added to a second instance.</summary>
    private const string DocumentedAnswer = """
        {
          "Instances": { "Instance": [
            {
              "ImageId": "m-bp67acfmxazb4p****", "InstanceTypeFamily": "ecs.g5", "VlanId": "10", "InstanceId": "i-bp67acfmxazb4p****",
              "Status": "Running", "Cpu": 8, "Memory": 16384, "ExpiredTime": "2017-12-10T04:04Z", "InstanceChargeType": "PostPaid",
              "StoppedMode": "KeepCharging", "StartTime": "2017-12-10T04:04Z", "InternetChargeType": "PayByTraffic",
              "InstanceName": "InstanceNameTest", "InternetMaxBandwidthOut": 5, "CreationTime": "2017-12-10T04:04Z",
              "InstanceType": "ecs.g5.large", "ZoneId": "cn-hangzhou-g", "OperationLocks": { "LockReason": [] },
              "InternetMaxBandwidthIn": 50, "RegionId": "cn-hangzhou", "SpotPriceLimit": 0.98,
              "VpcAttributes": { "PrivateIpAddress": { "IpAddress": ["172.17.**.**"] }, "VpcId": "vpc-2zeuphj08tt7q3brd****" }
            },
            {
              "InstanceId": "i-locked", "Status": "Stopped", "InstanceType": "ecs.g5.xlarge", "InstanceChargeType": "PrePaid",
              "ExpiredTime": "2027-06-30T16:00:00Z",
              "OperationLocks": { "LockReason": [ { "LockReason": "financial", "LockMsg": "overdue" } ] }
            }
          ] },
          "TotalCount": 2,
          "RequestId": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
          "PageSize": 10,
          "PageNumber": 1,
          "NextToken": "caeba0bbb2be03f84eb48b699f0a4883"
        }
        """;

    [Fact]
    public async Task DescribeInstancesAsync_EveryParameter_SendsEachInItsDocumentedForm()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            RegionId = "cn-hangzhou",
            InstanceIds = ["i-1", "i-\"2\""],
            NextToken = "caeba0bbb2be03f84eb48b699f0a4883",
            MaxResults = 100,
            PageNumber = 2,
            PageSize = 50,
            ZoneId = "cn-hangzhou-g",
            VpcId = "v-1",
            VSwitchId = "vsw-1",
            InstanceNetworkType = "vpc",
            SecurityGroupId = "sg-1",
            InstanceName = "web*",
            InstanceType = "ecs.g5.large",
            InstanceTypeFamily = "ecs.g5",
            InstanceChargeType = EcsInstanceChargeType.PostPaid,
            InternetChargeType = "PayByTraffic",
            Status = EcsInstanceStatus.Running,
            LockReason = InstanceLockReason.Security,
            ImageId = "m-1",
            KeyPairName = "kp",
            ResourceGroupId = "rg-1",
            HpcClusterId = "hpc-1",
            IoOptimized = true,
            DeviceAvailable = false,
            NeedSaleCycle = true,
            InnerIpAddresses = ["10.1.1.1"],
            PrivateIpAddresses = ["172.16.1.1", "172.16.2.1"],
            PublicIpAddresses = ["42.1.1.1"],
            EipAddresses = ["42.1.2.1"],
            RdmaIpAddresses = "10.10.10.102",
            Tags = [new EcsTag("env", "prod"), new EcsTag("team")],
            Filters = [new EcsTag("CreationStartTime", "2017-12-05T22:40:00Z")],
            AdditionalAttributes = ["META_OPTIONS", "DDH_CLUSTER"],
            HttpEndpoint = "enabled",
            HttpTokens = "optional",
            HttpPutResponseHopLimit = 2,
            DryRun = false,
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-hangzhou",
                ["InstanceIds"] = """["i-1","i-\u00222\u0022"]""",
                ["NextToken"] = "caeba0bbb2be03f84eb48b699f0a4883",
                ["MaxResults"] = "100",
                ["PageNumber"] = "2",
                ["PageSize"] = "50",
                ["ZoneId"] = "cn-hangzhou-g",
                ["VpcId"] = "v-1",
                ["VSwitchId"] = "vsw-1",
                ["InstanceNetworkType"] = "vpc",
                ["SecurityGroupId"] = "sg-1",
                ["InstanceName"] = "web*",
                ["InstanceType"] = "ecs.g5.large",
                ["InstanceTypeFamily"] = "ecs.g5",
                ["InstanceChargeType"] = "PostPaid",
                ["InternetChargeType"] = "PayByTraffic",
                ["Status"] = "Running",
                ["LockReason"] = "security",
                ["ImageId"] = "m-1",
                ["KeyPairName"] = "kp",
                ["ResourceGroupId"] = "rg-1",
                ["HpcClusterId"] = "hpc-1",
                ["IoOptimized"] = "true",
                ["DeviceAvailable"] = "false",
                ["NeedSaleCycle"] = "true",
                ["InnerIpAddresses"] = """["10.1.1.1"]""",
                ["PrivateIpAddresses"] = """["172.16.1.1","172.16.2.1"]""",
                ["PublicIpAddresses"] = """["42.1.1.1"]""",
                ["EipAddresses"] = """["42.1.2.1"]""",
                ["RdmaIpAddresses"] = "10.10.10.102",
                ["Tag.1.Key"] = "env",
                ["Tag.1.Value"] = "prod",
                ["Tag.2.Key"] = "team",
                ["Filter.1.Key"] = "CreationStartTime",
                ["Filter.1.Value"] = "2017-12-05T22:40:00Z",
                ["AdditionalAttributes.1"] = "META_OPTIONS",
                ["AdditionalAttributes.2"] = "DDH_CLUSTER",
                ["HttpEndpoint"] = "enabled",
                ["HttpTokens"] = "optional",
                ["HttpPutResponseHopLimit"] = "2",
                ["DryRun"] = "false",
            },
            test.LastForm.OperationFields());
        Assert.Equal("DescribeInstances", test.LastForm["Action"]);
    }

    [Fact]
    public async Task DescribeInstancesAsync_EmptyInstanceIds_SendsAnEmptyJsonArray()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.DescribeInstancesAsync(new DescribeInstancesRequest { RegionId = "cn-hangzhou", InstanceIds = [] });

        Assert.Equal("[]", test.LastForm["InstanceIds"]);
    }

    [Fact]
    public async Task DescribeInstancesAsync_RegionId_ChoosesTheRegionalEndpoint()
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, DocumentedAnswer, url: "https://ecs.cn-shanghai.aliyuncs.com/");

        var page = await test.Client.DescribeInstancesAsync(new DescribeInstancesRequest { RegionId = "cn-shanghai" });

        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task DescribeInstancesAsync_DocumentedAnswer_ReadsEveryFieldOfEachInstance()
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, DocumentedAnswer);

        var page = await test.Client.DescribeInstancesAsync(TestClient.Describe());

        Assert.Equal(
            (TestClient.RequestId, 2, "caeba0bbb2be03f84eb48b699f0a4883", (int?)1, (int?)10, false),
            (page.RequestId, page.TotalCount, page.NextToken, page.PageNumber, page.PageSize, page.DryRun));
        var first = page.Instances[0];
        Assert.Equal(
            new EcsInstance
            {
                InstanceId = "i-bp67acfmxazb4p****",
                InstanceName = "InstanceNameTest",
                RegionId = "cn-hangzhou",
                ZoneId = "cn-hangzhou-g",
                Status = "Running",
                InstanceType = "ecs.g5.large",
                InstanceTypeFamily = "ecs.g5",
                InstanceChargeType = "PostPaid",
                Cpu = 8,
                Memory = 16384,
                InternetChargeType = "PayByTraffic",
                InternetMaxBandwidthOut = 5,
                InternetMaxBandwidthIn = 50,
                ExpiredTime = new DateTimeOffset(2017, 12, 10, 4, 4, 0, TimeSpan.Zero),
                CreationTime = new DateTimeOffset(2017, 12, 10, 4, 4, 0, TimeSpan.Zero),
                StoppedMode = "KeepCharging",
                OperationLocks = first.OperationLocks,
            },
            first);
        Assert.Empty(first.OperationLocks);
        var second = page.Instances[1];
        Assert.Equal(new InstanceOperationLock("financial", "overdue"), Assert.Single(second.OperationLocks));
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 16, 0, 0, TimeSpan.Zero), second.ExpiredTime);
    }

    [Theory]
    [InlineData("""{"RequestId":"r","Instances":{"Instance":[{"Status":"Running","InstanceType":"t"}]}}""")]
    [InlineData("""{"RequestId":"r","Instances":{"Instance":[{"InstanceId":"i","InstanceType":"t"}]}}""")]
    [InlineData("""{"RequestId":"r","Instances":{"Instance":[{"InstanceId":"i","Status":"Running"}]}}""")]
    [InlineData("""{"RequestId":"r","Instances":{"Instance":[{"InstanceId":"i","Status":"Running","InstanceType":"t","Cpu":"eight"}]}}""")]
    public async Task DescribeInstancesAsync_InstanceWithoutItsIdStatusOrTypeOrWithAWrongType_IsAnUnexpectedResponse(string body)
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, body);

        await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.DescribeInstancesAsync(TestClient.Describe()));
    }

    [Fact]
    public async Task DescribeInstancesAsync_UndocumentedTime_IsReadAsNoTime()
    {
        using var test = new TestClient().Answer(
            HttpStatusCode.OK, """{"RequestId":"r","TotalCount":1,"Instances":{"Instance":[{"InstanceId":"i","Status":"Running","InstanceType":"t","ExpiredTime":"next year"}]}}""");

        var page = await test.Client.DescribeInstancesAsync(TestClient.Describe());

        Assert.Null(Assert.Single(page.Instances).ExpiredTime);
    }

    [Fact]
    public async Task DescribeInstancesAsync_NoInstancesObject_IsAnEmptyPage()
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, """{"RequestId":"r","TotalCount":0}""");

        var page = await test.Client.DescribeInstancesAsync(TestClient.Describe());

        Assert.Equal((0, 0), (page.TotalCount, page.Instances.Count));
    }

    [Fact]
    public async Task DescribeInstancesAsync_DryRunAnsweredDryRunOperation_ReturnsADryRunResponseWithoutInstances()
    {
        using var test = new TestClient().AnswerError(400, "DryRunOperation", "Request validation has been passed with DryRun flag set.");

        var page = await test.Client.DescribeInstancesAsync(TestClient.Describe() with { DryRun = true });

        Assert.Equal((true, 0, 0), (page.DryRun, page.TotalCount, page.Instances.Count));
        Assert.Equal(TestClient.RequestId, page.RequestId);
    }
}
