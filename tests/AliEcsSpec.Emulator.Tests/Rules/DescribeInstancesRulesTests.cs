using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>DescribeInstances: the documented fields, filters, both ways of paging and the documented codes, over real HTTP.</summary>
public sealed class DescribeInstancesRulesTests
{
    private static readonly DescribeInstancesRequest Hangzhou = new() { RegionId = "cn-hangzhou" };

    [Fact]
    public async Task DescribeInstances_SubscriptionInstance_ShowsEveryDocumentedFieldTheEmulatorModels()
    {
        await using var h = await Harness.StartAsync();

        var instance = await Describe.InstanceAsync(h, "i-resize-prepaid-01");

        Assert.Equal(
            new EcsInstance
            {
                InstanceId = "i-resize-prepaid-01",
                InstanceName = "i-resize-prepaid-01",
                RegionId = "cn-hangzhou",
                ZoneId = "cn-hangzhou-h",
                Status = "Running",
                InstanceType = "ecs.g5.xlarge",
                InstanceTypeFamily = "ecs.g5",
                InstanceChargeType = "PrePaid",
                Cpu = 4,
                Memory = 16384,
                InternetChargeType = "PayByTraffic",
                InternetMaxBandwidthOut = 5,
                InternetMaxBandwidthIn = 10,
                ExpiredTime = new DateTimeOffset(2027, 6, 30, 16, 0, 0, TimeSpan.Zero),
                StoppedMode = "Not-applicable",
                OperationLocks = instance.OperationLocks,
            },
            instance);
        Assert.Empty(instance.OperationLocks);
    }

    [Fact]
    public async Task DescribeInstances_SecurityLockedInstance_ShowsItsOperationLock()
    {
        await using var h = await Harness.StartAsync();

        var instance = await Describe.InstanceAsync(h, "i-locked-01");

        Assert.Equal(new InstanceOperationLock("security"), Assert.Single(instance.OperationLocks));
    }

    [Fact]
    public async Task DescribeInstances_ExpiredSubscription_IsStoppedWithAFinancialLock()
    {
        await using var h = await Harness.StartAsync();

        var instance = await Describe.InstanceAsync(h, "i-prepaid-expired-01");

        Assert.Equal(("Stopped", "financial"), (instance.Status, Assert.Single(instance.OperationLocks).LockReason));
    }

    [Fact]
    public async Task DescribeInstances_TokenPaging_ListsEveryInstanceOfTheAccountInTheRegionOnce()
    {
        await using var h = await Harness.StartAsync();
        var expected = h.State.Instances
            .Where(i => i.AccessKeyId == EmulatorSeed.DemoAccessKeyId && i.RegionId == "cn-hangzhou" && !i.Released)
            .Select(i => i.InstanceId).Order(StringComparer.Ordinal).ToList();

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await h.Client.DescribeInstancesAsync(Hangzhou with { MaxResults = 7, NextToken = token });
            Assert.Equal(expected.Count, page.TotalCount);
            seen.AddRange(page.Instances.Select(i => i.InstanceId));
            token = page.NextToken;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 6) / 7, pages);
    }

    [Fact]
    public async Task DescribeInstances_PageNumberAndSize_ReturnsThatPage()
    {
        await using var h = await Harness.StartAsync();
        var all = await h.Client.DescribeInstancesAsync(Hangzhou with { PageSize = 100 });

        var second = await h.Client.DescribeInstancesAsync(Hangzhou with { PageNumber = 2, PageSize = 5 });

        Assert.Equal((2, 5), (second.PageNumber, second.PageSize));
        Assert.Equal(all.Instances.Skip(5).Take(5).Select(i => i.InstanceId), second.Instances.Select(i => i.InstanceId));
        Assert.True(string.IsNullOrEmpty(second.NextToken));
    }

    [Fact]
    public async Task DescribeInstances_StatusAndChargeTypeFilters_ListOnlyWhatMatchesBoth()
    {
        await using var h = await Harness.StartAsync();

        var page = await h.Client.DescribeInstancesAsync(Hangzhou with { Status = "Running", InstanceChargeType = "PostPaid", PageSize = 100 });

        Assert.Equal(
            ["i-locked-01", "i-postpaid-eip-01", "i-postpaid-running-01", "i-resize-postpaid-01"],
            page.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task DescribeInstances_EmptyInstanceIds_ListsNothing()
    {
        await using var h = await Harness.StartAsync();

        var page = await h.Client.DescribeInstancesAsync(Hangzhou with { InstanceIds = [] });

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Instances);
    }

    [Fact]
    public async Task DescribeInstances_AnotherAccountsInstance_IsNotListed()
    {
        await using var h = await Harness.StartAsync();

        var page = await h.Client.DescribeInstancesAsync(Hangzhou with { InstanceIds = ["i-arrears-postpaid-01", "i-resize-postpaid-01"] });

        Assert.Equal(["i-resize-postpaid-01"], page.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task DescribeInstances_DryRunThatPasses_ReturnsADryRunResponseWithoutInstances()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.DescribeInstancesAsync(Hangzhou with { DryRun = true });

        Assert.True(response.DryRun);
        Assert.Empty(response.Instances);
    }

    [Fact]
    public async Task DescribeInstances_UnknownRegion_IsRefusedWithInvalidRegionIdNotFound()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsNotFoundException>(() => h.Client.DescribeInstancesAsync(new DescribeInstancesRequest { RegionId = "eu-central-9" }));

        Assert.Equal((HttpStatusCode.NotFound, "InvalidRegionId.NotFound"), (error.StatusCode, error.ErrorCode));
    }

    [Theory]
    [InlineData("Status", "Sleeping", HttpStatusCode.NotFound, "InvalidStatus.NotFound")]
    [InlineData("InstanceChargeType", "Free", HttpStatusCode.NotFound, "InvalidInstanceChargeType.NotFound")]
    [InlineData("InternetChargeType", "PayByMood", HttpStatusCode.NotFound, "InvalidInternetChargeType.ValueNotSupported")]
    [InlineData("LockReason", "boredom", HttpStatusCode.NotFound, "InvalidLockReason.NotFound")]
    [InlineData("InstanceNetworkType", "wifi", HttpStatusCode.NotFound, "InvalidNetworkType.NotFound")]
    [InlineData("InstanceIds", "i-1,i-2", HttpStatusCode.BadRequest, "InvalidParameter")]
    [InlineData("PageSize", "101", HttpStatusCode.BadRequest, "InvalidParameter")]
    [InlineData("NextToken", "not-a-token", HttpStatusCode.BadRequest, "InvalidParameter")]
    public async Task DescribeInstances_MalformedFilterOrPage_IsRefusedWithItsDocumentedCode(string name, string value, HttpStatusCode status, string code)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, "DescribeInstances", ("RegionId", "cn-hangzhou"), (name, value));

        Assert.Equal((status, code), answer.StatusAndCode);
    }

    [Fact]
    public async Task DescribeInstances_MoreThanTwentyTags_IsRefusedWithInvalidTagCount()
    {
        await using var h = await Harness.StartAsync();
        var tags = Enumerable.Range(1, 21).Select(n => new EcsTag($"k{n}", "v")).ToList();

        var answer = await Wire.CallAsync(h, "DescribeInstances", [("RegionId", "cn-hangzhou"), .. tags.Select((t, i) => ($"Tag.{i + 1}.Key", t.Key))]);

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidTagCount"), answer.StatusAndCode);
    }
}
