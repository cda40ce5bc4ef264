using AliEcsSpec.Client;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>Reading instances back through the client's DescribeInstances, as a real user would.</summary>
internal static class Describe
{
    public static async Task<EcsInstance> InstanceAsync(Harness h, string instanceId) =>
        Assert.Single((await h.Client.DescribeInstancesAsync(new DescribeInstancesRequest { RegionId = "cn-hangzhou", InstanceIds = [instanceId] })).Instances);

    public static async Task<(string Status, string InstanceType)> StatusAndTypeAsync(Harness h, string instanceId)
    {
        var instance = await InstanceAsync(h, instanceId);
        return (instance.Status, instance.InstanceType);
    }
}
