using System.Text.Json;
using AliEcsSpec.Interop.Support;

namespace AliEcsSpec.Interop;

/// <summary>
/// DescribeInstances, StopInstance, StartInstance and DescribeResourcesModification through each official SDK in each
/// of its ways, on an emulator whose stops, starts and type changes finish at once (no test waits on the real clock).
/// </summary>
public sealed class ResizeOperationsTests : InteropTest
{
    internal const string DescribeInstances = nameof(DescribeInstances);

    internal const string StopInstance = nameof(StopInstance);

    internal const string StartInstance = nameof(StartInstance);

    internal const string DescribeResourcesModification = nameof(DescribeResourcesModification);

    /// <summary>A running pay-as-you-go instance of type ecs.g6.large, whose ecs.g6.xlarge is in stock.</summary>
    private const string ResizeInstance = "i-resize-postpaid-01";

    protected override EcsEmulatorOptions CreateOptions() =>
        new() { StopDelay = TimeSpan.Zero, StartDelay = TimeSpan.Zero, ApplyDelay = TimeSpan.Zero };

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task DescribeInstances_ByInstanceIds_AnswersTheDocumentedInstanceFields(string variant)
    {
        var outcome = await CallAsync(variant, DescribeInstances, Demo, Describe(ResizeInstance, "i-resize-prepaid-01"));

        Assert.Equal((200, null), (outcome.Status, outcome.Code));
        Assert.Equal(2, outcome.Body.GetProperty("TotalCount").GetInt32());
        var instances = outcome.Body.GetProperty("Instances").GetProperty("Instance").EnumerateArray().ToList();
        Assert.Equal(
            [("i-resize-postpaid-01", "Running", "ecs.g6.large", "PostPaid", 2, 8192), ("i-resize-prepaid-01", "Running", "ecs.g5.xlarge", "PrePaid", 4, 16384)],
            instances.Select(i => (Text(i, "InstanceId"), Text(i, "Status"), Text(i, "InstanceType"), Text(i, "InstanceChargeType"),
                i.GetProperty("Cpu").GetInt32(), i.GetProperty("Memory").GetInt32())));
        Assert.Empty(instances[0].GetProperty("OperationLocks").GetProperty("LockReason").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task StopInstance_RunningInstance_StopsIt(string variant)
    {
        var outcome = await CallAsync(variant, StopInstance, Demo, new() { ["InstanceId"] = ResizeInstance, ["StoppedMode"] = "KeepCharging" });

        Assert.Equal((200, null), (outcome.Status, outcome.Code));
        Assert.Equal(new[] { "RequestId" }, outcome.BodyMembers);
        Assert.Equal(InstanceStatus.Stopped, Emulator.State.GetInstance(ResizeInstance)!.Status);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task StopInstance_StoppedInstance_IncorrectInstanceStatus(string variant)
    {
        var outcome = await CallAsync(variant, StopInstance, Demo, new() { ["InstanceId"] = "i-postpaid-stopped-01" });

        Assert.Equal((403, "IncorrectInstanceStatus"), (outcome.Status, outcome.Code));
        Assert.Empty(Emulator.State.Changes);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task StopInstance_DryRunTrue_AnswersDryRunOperationAndStopsNothing(string variant)
    {
        var outcome = await CallAsync(variant, StopInstance, Demo, new() { ["InstanceId"] = ResizeInstance, ["DryRun"] = true });

        Assert.Equal((400, "DryRunOperation"), (outcome.Status, outcome.Code));
        Assert.Equal(InstanceStatus.Running, Emulator.State.GetInstance(ResizeInstance)!.Status);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task StartInstance_StoppedInstance_StartsIt(string variant)
    {
        var outcome = await CallAsync(variant, StartInstance, Demo, new() { ["InstanceId"] = "i-postpaid-stopped-01" });

        Assert.Equal((200, null), (outcome.Status, outcome.Code));
        Assert.Equal(InstanceStatus.Running, Emulator.State.GetInstance("i-postpaid-stopped-01")!.Status);
    }

    [Theory]
    [MemberData(nameof(Variant.Every), MemberType = typeof(Variant))]
    public async Task DescribeResourcesModification_PayAsYouGoInstance_OffersTypesWithTheirStock(string variant)
    {
        var outcome = await CallAsync(variant, DescribeResourcesModification, Demo, new()
        {
            ["RegionId"] = "cn-hangzhou", ["ResourceId"] = ResizeInstance, ["DestinationResource"] = "InstanceType", ["OperationType"] = "Upgrade",
        });

        Assert.Equal((200, null), (outcome.Status, outcome.Code));
        var zone = Assert.Single(outcome.Body.GetProperty("AvailableZones").GetProperty("AvailableZone").EnumerateArray());
        var offered = Assert.Single(zone.GetProperty("AvailableResources").GetProperty("AvailableResource").EnumerateArray())
            .GetProperty("SupportedResources").GetProperty("SupportedResource").EnumerateArray()
            .ToDictionary(r => Text(r, "Value"), r => (Text(r, "Status"), Text(r, "StatusCategory")));
        Assert.Equal("cn-hangzhou-h", Text(zone, "ZoneId"));
        Assert.Equal(("Available", "WithStock"), offered["ecs.g6.xlarge"]);
        Assert.Equal(("SoldOut", "WithoutStock"), offered["ecs.r6.large"]);
    }

    [Fact]
    public async Task ResizePath_PopCore_DescribesStopsChangesAndStartsTheInstance()
    {
        const string popCore = "pop-core v2-form";
        Dictionary<string, object> instance = new() { ["InstanceId"] = ResizeInstance };

        var offers = await CallAsync(popCore, DescribeResourcesModification, Demo, new()
        {
            ["RegionId"] = "cn-hangzhou", ["ResourceId"] = ResizeInstance, ["DestinationResource"] = "InstanceType",
        });
        var stop = await CallAsync(popCore, StopInstance, Demo, instance);
        var stopped = await DescribeOneAsync(popCore);
        var change = await CallAsync(popCore, ModifyInstanceSpec, Demo, new() { ["InstanceId"] = ResizeInstance, ["InstanceType"] = "ecs.g6.xlarge" });
        var changed = await DescribeOneAsync(popCore);
        var start = await CallAsync(popCore, StartInstance, Demo, instance);
        var running = await DescribeOneAsync(popCore);

        Assert.All([offers, stop, change, start], o => Assert.Equal((200, null), (o.Status, o.Code)));
        Assert.Equal(("Stopped", "ecs.g6.large"), stopped);
        Assert.Equal(("Stopped", "ecs.g6.xlarge"), changed);
        Assert.Equal(("Running", "ecs.g6.xlarge"), running);
    }

    private async Task<(string Status, string InstanceType)> DescribeOneAsync(string variant)
    {
        var outcome = await CallAsync(variant, DescribeInstances, Demo, Describe(ResizeInstance));
        var described = Assert.Single(outcome.Body.GetProperty("Instances").GetProperty("Instance").EnumerateArray());
        return (Text(described, "Status"), Text(described, "InstanceType"));
    }

    private static Dictionary<string, object> Describe(params string[] instanceIds) =>
        new() { ["RegionId"] = "cn-hangzhou", ["InstanceIds"] = JsonSerializer.Serialize(instanceIds) };

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
