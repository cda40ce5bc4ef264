using System.Net;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>What <c>DescribeResourcesModification</c> puts on the wire, and how its documented answer is read.</summary>
public sealed class DescribeResourcesModificationWireTests
{
    /// <summary>The documented sample success response (API reference, DescribeResourcesModification).</summary>
    private const string DocumentedAnswer = """
        {
          "RequestId": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
          "AvailableZones": {
            "AvailableZone": [
              {
                "ZoneId": "cn-hangzhou-e",
                "Status": "Available",
                "StatusCategory": "WithStock",
                "RegionId": "cn-hangzhou",
                "AvailableResources": {
                  "AvailableResource": [
                    {
                      "Type": "InstanceType",
                      "SupportedResources": {
                        "SupportedResource": [
                          { "Status": "Available", "Value": "ecs.g5.large", "Max": 2, "Unit": null, "StatusCategory": "WithStock", "Min": 1 }
                        ]
                      },
                      "ConditionSupportedResources": {
                        "ConditionSupportedResource": [
                          {
                            "Conditions": { "Condition": [ { "Key": "DiskCategory" } ] },
                            "Status": "Available", "Value": "ecs.g5.large", "Max": 2, "Unit": null, "StatusCategory": "WithStock", "Min": 1
                          }
                        ]
                      }
                    }
                  ]
                }
              }
            ]
          }
        }
        """;

    [Fact]
    public async Task DescribeResourcesModificationAsync_EveryParameter_SendsEachInItsDocumentedForm()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.DescribeResourcesModificationAsync(TestClient.Resources() with
        {
            OperationType = ModificationOperationType.RenewDowngrade,
            Cores = 2,
            Memory = 8.5,
            MigrateAcrossZone = true,
            Conditions = ["DiskCategory"],
            ZoneId = "cn-hangzhou-e",
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-hangzhou",
                ["ResourceId"] = "i-bp67acfmxazb4p****",
                ["DestinationResource"] = "InstanceType",
                ["OperationType"] = "RenewDowngrade",
                ["Cores"] = "2",
                ["Memory"] = "8.5",
                ["MigrateAcrossZone"] = "true",
                ["Conditions.1"] = "DiskCategory",
                ["ZoneId"] = "cn-hangzhou-e",
            },
            test.LastForm.OperationFields());
        Assert.Equal("DescribeResourcesModification", test.LastForm["Action"]);
    }

    [Theory]
    [InlineData(ModificationOperationType.Upgrade, "Upgrade")]
    [InlineData(ModificationOperationType.Downgrade, "Downgrade")]
    [InlineData(ModificationOperationType.RenewDowngrade, "RenewDowngrade")]
    [InlineData(ModificationOperationType.RenewModify, "RenewModify")]
    public async Task DescribeResourcesModificationAsync_OperationType_SendsItsDocumentedName(ModificationOperationType operation, string wire)
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.DescribeResourcesModificationAsync(TestClient.Resources() with { OperationType = operation });

        Assert.Equal(wire, test.LastForm["OperationType"]);
    }

    [Fact]
    public async Task DescribeResourcesModificationAsync_SystemDisk_SendsTheTargetInstanceType()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.DescribeResourcesModificationAsync(TestClient.Resources() with
        {
            DestinationResource = DestinationResource.SystemDisk,
            InstanceType = "ecs.g7.large",
        });

        Assert.Equal(("SystemDisk", "ecs.g7.large"), (test.LastForm["DestinationResource"], test.LastForm["InstanceType"]));
    }

    [Fact]
    public async Task DescribeResourcesModificationAsync_DocumentedAnswer_ReadsZonesResourcesAndValues()
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, DocumentedAnswer);

        var response = await test.Client.DescribeResourcesModificationAsync(TestClient.Resources());

        var zone = Assert.Single(response.AvailableZones);
        Assert.Equal(("cn-hangzhou-e", "cn-hangzhou", "Available", "WithStock"), (zone.ZoneId, zone.RegionId, zone.Status, zone.StatusCategory));
        var resource = Assert.Single(zone.AvailableResources);
        Assert.Equal("InstanceType", resource.Type);
        var supported = Assert.Single(resource.SupportedResources);
        Assert.Equal(("ecs.g5.large", "Available", "WithStock", (int?)1, (int?)2, (string?)null), (supported.Value, supported.Status, supported.StatusCategory, supported.Min, supported.Max, supported.Unit));
        Assert.Empty(supported.Conditions!);
        Assert.True(supported.IsInStock);
        Assert.Equal(["DiskCategory"], Assert.Single(resource.ConditionSupportedResources).Conditions!);
        Assert.Equal(["ecs.g5.large"], response.SupportedResourcesOf("InstanceType").Select(r => r.Value));
        Assert.Empty(response.SupportedResourcesOf("SystemDisk"));
    }

    [Fact]
    public async Task DescribeResourcesModificationAsync_NothingOffered_IsAnAnswerWithoutZones()
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, """{"RequestId":"r","AvailableZones":{"AvailableZone":[]}}""");

        var response = await test.Client.DescribeResourcesModificationAsync(TestClient.Resources());

        Assert.Empty(response.AvailableZones);
    }

    [Theory]
    [InlineData("""{"RequestId":"r","AvailableZones":{"AvailableZone":[{"Status":"Available"}]}}""")]
    [InlineData("""{"RequestId":"r","AvailableZones":{"AvailableZone":[{"ZoneId":"z","AvailableResources":{"AvailableResource":[{}]}}]}}""")]
    [InlineData("""{"RequestId":"r","AvailableZones":{"AvailableZone":[{"ZoneId":"z","AvailableResources":{"AvailableResource":[{"Type":"InstanceType","SupportedResources":{"SupportedResource":[{"Status":"Available"}]}}]}}]}}""")]
    public async Task DescribeResourcesModificationAsync_ZoneResourceOrValueWithoutItsName_IsAnUnexpectedResponse(string body)
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, body);

        await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.DescribeResourcesModificationAsync(TestClient.Resources()));
    }

    [Theory]
    [InlineData("WithStock", "Available", true)]
    [InlineData("ClosedWithStock", "Available", true)]
    [InlineData("WithoutStock", "SoldOut", false)]
    [InlineData("ClosedWithoutStock", "SoldOut", false)]
    [InlineData("WithStock", "SoldOut", false)]
    [InlineData(null, "Available", false)]
    public void SupportedResource_StatusAndCategory_DecideWhetherItIsInStock(string? category, string status, bool inStock) =>
        Assert.Equal(inStock, new SupportedResource("ecs.g6.large", status, category).IsInStock);
}
