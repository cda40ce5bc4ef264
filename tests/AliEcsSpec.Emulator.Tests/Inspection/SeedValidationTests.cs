namespace AliEcsSpec.Emulator.Tests.Inspection;

/// <summary>A seed that cannot work is refused at start, with the reason, not on some later request.</summary>
public sealed class SeedValidationTests
{
    private static readonly EmulatorAccount Account = new("seed-id", "seed-secret");

    private static readonly EmulatorInstance Instance = new()
    {
        InstanceId = "i-seed",
        RegionId = "cn-qingdao",
        AccessKeyId = "seed-id",
        InstanceType = "ecs.t1",
    };

    private static readonly EmulatorSeed Valid = new()
    {
        Regions = ["cn-qingdao"],
        Accounts = [Account],
        InstanceTypes = [new InstanceTypeSpec("ecs.t1", 1, 1)],
        Instances = [Instance],
    };

    [Fact]
    public async Task StartAsync_SeedWithoutAccounts_ThrowsSayingOneIsNeeded()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => EcsEmulator.StartAsync(new EcsEmulatorOptions { Seed = Valid with { Accounts = [], Instances = [] } }));

        Assert.Contains("at least one account", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SeedWithAnInstanceIdTwice_ThrowsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => EcsEmulator.StartAsync(new EcsEmulatorOptions { Seed = Valid with { Instances = [Instance, Instance] } }));

        Assert.Contains("instance ID i-seed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SeedInstanceInAnUnknownRegion_ThrowsNamingTheInstanceAndTheRegion()
    {
        var seed = Valid with { Instances = [Instance with { RegionId = "cn-nowhere" }] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => EcsEmulator.StartAsync(new EcsEmulatorOptions { Seed = seed }));

        Assert.Contains("Seed instance i-seed: its region cn-nowhere is not in the seed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SeedFromJsonWithoutLists_ThrowsInsteadOfFailingLater()
    {
        var seed = EmulatorSeed.FromJson("""{ "Regions": null, "Accounts": null }""");

        await Assert.ThrowsAsync<ArgumentException>(() => EcsEmulator.StartAsync(new EcsEmulatorOptions { Seed = seed }));
    }
}
