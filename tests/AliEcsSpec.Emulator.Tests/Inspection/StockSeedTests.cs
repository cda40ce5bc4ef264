using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Inspection;

/// <summary>Stock per zone in a seed: checked at start, read from JSON, and what DescribeResourcesModification reports.</summary>
public sealed class StockSeedTests
{
    private static readonly EmulatorSeed Valid = new()
    {
        Regions = ["cn-qingdao"],
        Accounts = [new EmulatorAccount(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoAccessKeySecret)],
        InstanceTypes = [new InstanceTypeSpec("ecs.t1", 1, 1), new InstanceTypeSpec("ecs.t2", 2, 2), new InstanceTypeSpec("ecs.t3", 4, 4)],
        Instances =
        [
            new EmulatorInstance
            {
                InstanceId = "i-seed", RegionId = "cn-qingdao", ZoneId = "cn-qingdao-b", AccessKeyId = EmulatorSeed.DemoAccessKeyId,
                ChargeType = InstanceChargeType.PostPaid, InstanceType = "ecs.t1",
            },
        ],
    };

    [Theory]
    [InlineData("ecs.t9", "WithStock", "the type ecs.t9 is not in the catalog")]
    [InlineData("ecs.t2", "Plenty", "Plenty is not a stock category (WithStock, ClosedWithStock, WithoutStock, ClosedWithoutStock)")]
    public async Task StartAsync_UnusableStock_ThrowsNamingTheTypeTheZoneAndTheReason(string type, string category, string reason)
    {
        var seed = Valid with { Stock = [new ZoneStock("cn-qingdao-b", type, category)] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => EcsEmulator.StartAsync(new EcsEmulatorOptions { Seed = seed }));

        Assert.Contains($"Seed stock of {type} in cn-qingdao-b: {reason}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_StockListedTwice_ThrowsSayingSo()
    {
        var seed = Valid with { Stock = [new ZoneStock("cn-qingdao-b", "ecs.t2", "WithoutStock"), new ZoneStock("cn-qingdao-b", "ecs.t2", "WithStock")] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => EcsEmulator.StartAsync(new EcsEmulatorOptions { Seed = seed }));

        Assert.Contains("it is listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonSeed_StockAndZone_AreWhatDescribeResourcesModificationReports()
    {
        var seed = EmulatorSeed.FromJson("""
            {
              "regions": ["cn-qingdao"],
              "accounts": [{ "accessKeyId": "emulator-demo-access-key-id", "accessKeySecret": "emulator-demo-access-key-secret" }],
              "instanceTypes": [{ "instanceType": "ecs.t1", "cpu": 1, "memoryGiB": 1 }, { "instanceType": "ecs.t2", "cpu": 2, "memoryGiB": 2 }],
              "instances": [{ "instanceId": "i-json", "regionId": "cn-qingdao", "zoneId": "cn-qingdao-c", "accessKeyId": "emulator-demo-access-key-id",
                              "chargeType": "PostPaid", "status": "Running", "instanceType": "ecs.t1" }],
              "stock": [{ "zoneId": "cn-qingdao-c", "instanceType": "ecs.t2", "statusCategory": "ClosedWithoutStock" }]
            }
            """);
        await using var h = await Harness.StartAsync(o => o.Seed = seed);

        var response = await h.Client.DescribeResourcesModificationAsync(new DescribeResourcesModificationRequest
        {
            RegionId = "cn-qingdao", ResourceId = "i-json", DestinationResource = DestinationResource.InstanceType,
        });

        var zone = Assert.Single(response.AvailableZones);
        var offered = Assert.Single(response.SupportedResourcesOf("InstanceType"));
        Assert.Equal(("cn-qingdao-c", "SoldOut", "WithoutStock"), (zone.ZoneId, zone.Status, zone.StatusCategory));
        Assert.Equal(("ecs.t2", "SoldOut", "ClosedWithoutStock", false), (offered.Value, offered.Status, offered.StatusCategory, offered.IsInStock));
    }
}
