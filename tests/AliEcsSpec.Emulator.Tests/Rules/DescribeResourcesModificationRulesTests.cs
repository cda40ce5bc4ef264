using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>DescribeResourcesModification: what an instance can change to in its zone, with the demo fleet's stock.</summary>
public sealed class DescribeResourcesModificationRulesTests
{
    private static DescribeResourcesModificationRequest For(string instanceId, ModificationOperationType? operation = null) => new()
    {
        RegionId = "cn-hangzhou",
        ResourceId = instanceId,
        DestinationResource = DestinationResource.InstanceType,
        OperationType = operation,
    };

    [Fact]
    public async Task PayAsYouGoUpgrade_ListsEveryOtherTypeOfTheZoneWithItsStock()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.DescribeResourcesModificationAsync(For("i-resize-postpaid-01"));

        var zone = Assert.Single(response.AvailableZones);
        Assert.Equal(("cn-hangzhou-h", "cn-hangzhou", "Available", "WithStock"), (zone.ZoneId, zone.RegionId, zone.Status, zone.StatusCategory));
        var offered = response.SupportedResourcesOf("InstanceType").ToDictionary(r => r.Value, r => (r.Status, r.StatusCategory, r.IsInStock));
        Assert.DoesNotContain("ecs.g6.large", offered.Keys);
        Assert.Equal(("Available", "WithStock", true), offered["ecs.g6.xlarge"]);
        Assert.Equal(("Available", "WithStock", true), offered["ecs.c6.large"]);
        Assert.Equal(("Available", "ClosedWithStock", true), offered["ecs.g5.2xlarge"]);
        Assert.Equal(("SoldOut", "WithoutStock", false), offered["ecs.r6.large"]);
        Assert.Equal(("SoldOut", "ClosedWithoutStock", false), offered["ecs.r6.xlarge"]);
    }

    [Fact]
    public async Task SubscriptionUpgrade_ListsOnlyLargerTypes()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.DescribeResourcesModificationAsync(For("i-resize-prepaid-01", ModificationOperationType.Upgrade));

        Assert.Equal(
            ["ecs.g5.2xlarge", "ecs.g6.2xlarge", "ecs.i2.xlarge", "ecs.i2.2xlarge", "ecs.r6.xlarge"],
            response.SupportedResourcesOf("InstanceType").Select(r => r.Value));
    }

    [Fact]
    public async Task SubscriptionDowngrade_ListsOnlySmallerTypes()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.DescribeResourcesModificationAsync(For("i-resize-prepaid-01", ModificationOperationType.Downgrade));

        Assert.Equal(
            ["ecs.g5.large", "ecs.g6.large", "ecs.c6.large", "ecs.c6.xlarge", "ecs.s1.large", "ecs.r6.large"],
            response.SupportedResourcesOf("InstanceType").Select(r => r.Value));
    }

    [Fact]
    public async Task CoresFilter_ListsOnlyTypesWithThatManyVcpus()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.DescribeResourcesModificationAsync(For("i-resize-postpaid-01") with { Cores = 8 });

        Assert.Equal(["ecs.g5.2xlarge", "ecs.g6.2xlarge", "ecs.i2.2xlarge"], response.SupportedResourcesOf("InstanceType").Select(r => r.Value));
    }

    [Fact]
    public async Task SystemDisk_ListsTheDiskCategoriesWithTheirSizes()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.DescribeResourcesModificationAsync(
            For("i-resize-postpaid-01") with { DestinationResource = DestinationResource.SystemDisk, InstanceType = "ecs.g6.xlarge" });

        Assert.Equal(
            [new SupportedResource("cloud_efficiency", "Available", "WithStock", 20, 32768, "GiB", []),
             new SupportedResource("cloud_ssd", "Available", "WithStock", 20, 32768, "GiB", []),
             new SupportedResource("cloud_essd", "Available", "WithStock", 20, 32768, "GiB", [])],
            response.SupportedResourcesOf("SystemDisk").Select(r => r with { Conditions = [] }),
            new SupportedResourceComparer());
    }

    [Fact]
    public async Task DiskCategoryCondition_AddsTheConditionSupportedResources()
    {
        await using var h = await Harness.StartAsync();

        var response = await h.Client.DescribeResourcesModificationAsync(For("i-resize-postpaid-01") with { Conditions = ["DiskCategory"] });

        var resource = Assert.Single(Assert.Single(response.AvailableZones).AvailableResources);
        Assert.Equal(resource.SupportedResources.Select(r => r.Value), resource.ConditionSupportedResources.Select(r => r.Value));
        Assert.All(resource.ConditionSupportedResources, r => Assert.Equal(["DiskCategory"], r.Conditions!));
    }

    [Fact]
    public async Task PayAsYouGoDowngrade_IsRefusedWithInvalidOperationType()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsInvalidParameterException>(() =>
            h.Client.DescribeResourcesModificationAsync(For("i-resize-postpaid-01", ModificationOperationType.Downgrade)));

        Assert.Equal((HttpStatusCode.BadRequest, "Invalid.OperationType"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task UnknownResource_IsRefusedWithInvalidResourceIdNotFound()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsNotFoundException>(() => h.Client.DescribeResourcesModificationAsync(For("i-nobody")));

        Assert.Equal((HttpStatusCode.NotFound, "InvalidResourceId.NotFound"), (error.StatusCode, error.ErrorCode));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Invalid.Param", "ResourceId", "i-resize-postpaid-01")]
    [InlineData(HttpStatusCode.NotFound, "Invalid.DestinationResource", "DestinationResource", "Bandwidth")]
    [InlineData(HttpStatusCode.BadRequest, "Invalid.OperationType", "OperationType", "Sideways")]
    [InlineData(HttpStatusCode.Forbidden, "InvalidParam.Cores", "Cores", "4")]
    [InlineData(HttpStatusCode.Forbidden, "InvalidParam.Memory", "Memory", "8")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidCondition.Malformed", "Conditions.1", "Colour")]
    public async Task MalformedRequest_IsRefusedWithItsDocumentedCode(HttpStatusCode status, string code, string name, string value)
    {
        await using var h = await Harness.StartAsync();
        (string, string)[] parameters = code == "Invalid.Param"
            ? [("RegionId", "cn-hangzhou"), (name, value)]
            : [("RegionId", "cn-hangzhou"), ("ResourceId", "i-resize-postpaid-01"), ("InstanceType", "ecs.g6.xlarge"),
               ("DestinationResource", code.StartsWith("InvalidParam.", StringComparison.Ordinal) ? "SystemDisk" : "InstanceType"), (name, value)];

        var answer = await Wire.CallAsync(h, "DescribeResourcesModification", parameters);

        Assert.Equal((status, code), answer.StatusAndCode);
    }

    [Fact]
    public async Task InstanceTypeWithCores_IsRefusedWithInvalidParamTypeAndCpuMemConflict()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, "DescribeResourcesModification", ("RegionId", "cn-hangzhou"), ("ResourceId", "i-resize-postpaid-01"),
            ("DestinationResource", "InstanceType"), ("InstanceType", "ecs.g6.xlarge"), ("Cores", "4"));

        Assert.Equal((HttpStatusCode.Forbidden, "InvalidParam.TypeAndCpuMem.Conflict"), answer.StatusAndCode);
    }

    private sealed class SupportedResourceComparer : IEqualityComparer<SupportedResource>
    {
        public bool Equals(SupportedResource? x, SupportedResource? y) =>
            (x!.Value, x.Status, x.StatusCategory, x.Min, x.Max, x.Unit) == (y!.Value, y.Status, y.StatusCategory, y.Min, y.Max, y.Unit);

        public int GetHashCode(SupportedResource obj) => obj.Value.GetHashCode(StringComparison.Ordinal);
    }
}
