using System.Net;
using AliEcsSpec.Client.Tests.Errors;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Testing;

/// <summary>The <see cref="EcsModelFactory"/> builders of the four operations around a resize give what the client gives.</summary>
public sealed class ResizeModelFactoryTests
{
    [Theory]
    [MemberData(nameof(ResizeOperationErrorCodeTests.DocumentedErrors), MemberType = typeof(ResizeOperationErrorCodeTests))]
    public void ServiceException_DocumentedCode_IsTheExceptionTheClientThrows(string operation, string code, int status, Type expectedType) =>
        Assert.IsType(expectedType, EcsModelFactory.ServiceException(operation, code, "m", (HttpStatusCode)status));

    [Fact]
    public async Task DescribeInstancesResponse_SamePage_EqualsWhatTheClientReads()
    {
        using var test = new TestClient().Answer(
            HttpStatusCode.OK,
            $$$"""{"RequestId":"{{{TestClient.RequestId}}}","TotalCount":1,"Instances":{"Instance":[{"InstanceId":"i-1","Status":"Stopped","InstanceType":"ecs.g6.large"}]}}""");
        var read = await test.Client.DescribeInstancesAsync(TestClient.Describe());

        var built = EcsModelFactory.DescribeInstancesResponse(TestClient.RequestId, [EcsModelFactory.EcsInstance("i-1", EcsInstanceStatus.Stopped, "ecs.g6.large")]);

        Assert.Equal((read.RequestId, read.TotalCount, read.NextToken, read.DryRun), (built.RequestId, built.TotalCount, built.NextToken, built.DryRun));
        Assert.Equal(read.Instances[0] with { OperationLocks = [] }, built.Instances[0] with { OperationLocks = [] });
        Assert.Empty(built.Instances[0].OperationLocks);
    }

    [Fact]
    public void DescribeInstancesResponse_DryRun_IsAnEmptyPassedDryRun() =>
        Assert.Equal((true, 0, 0), (EcsModelFactory.DescribeInstancesResponse("r", dryRun: true) is var page ? (page.DryRun, page.TotalCount, page.Instances.Count) : default));

    [Fact]
    public void StopAndStartResponses_AreTheRecordsTheClientReturns()
    {
        Assert.Equal(new StopInstanceResponse("r", DryRun: true), EcsModelFactory.StopInstanceResponse("r", dryRun: true));
        Assert.Equal(new StartInstanceResponse("r"), EcsModelFactory.StartInstanceResponse("r"));
    }

    [Fact]
    public void DescribeResourcesModificationResponse_ZoneWithValues_OffersThemWithTheirStock()
    {
        var response = EcsModelFactory.DescribeResourcesModificationResponse(
            "r",
            EcsModelFactory.AvailableZone(
                "cn-hangzhou-h", "InstanceType",
                EcsModelFactory.SupportedResource("ecs.g6.xlarge"),
                EcsModelFactory.SupportedResource("ecs.r6.large", ResourceStockCategory.SoldOut, ResourceStockCategory.WithoutStock)));

        Assert.Equal(
            [("ecs.g6.xlarge", true), ("ecs.r6.large", false)],
            response.SupportedResourcesOf("InstanceType").Select(r => (r.Value, r.IsInStock)));
        Assert.Equal("cn-hangzhou-h", Assert.Single(response.AvailableZones).ZoneId);
    }
}
