namespace AliEcsSpec.Client.Workflow;

/// <summary>The calls the workflow makes, in the public client's terms; each one logical call with the client's retries.</summary>
internal static class InstanceCalls
{
    /// <summary>The resource type of instance types in <c>DescribeResourcesModification</c>'s answer.</summary>
    private const string InstanceTypeResource = "InstanceType";

    public static async Task<EcsInstance?> DescribeAsync(IEcsSpecClient client, string regionId, string instanceId, CancellationToken cancellationToken)
    {
        var page = await client.DescribeInstancesAsync(
            new DescribeInstancesRequest { RegionId = regionId, InstanceIds = [instanceId] }, cancellationToken).ConfigureAwait(false);
        return page.Instances.FirstOrDefault(i => string.Equals(i.InstanceId, instanceId, StringComparison.Ordinal));
    }

    /// <summary>The lock reasons that refuse a change (arrears, security, recycling, …), as <c>DescribeInstances</c> lists them.</summary>
    public static IReadOnlyList<string> LockReasons(EcsInstance instance) =>
        instance.OperationLocks.Select(l => l.LockReason).ToArray();

    /// <summary>The instance types <c>DescribeResourcesModification</c> offers this instance in one direction.</summary>
    public static async Task<Offer> OfferAsync(
        IEcsSpecClient client, string regionId, string instanceId, OperatorType direction, CancellationToken cancellationToken)
    {
        var answer = await client.DescribeResourcesModificationAsync(
            new DescribeResourcesModificationRequest
            {
                RegionId = regionId,
                ResourceId = instanceId,
                DestinationResource = DestinationResource.InstanceType,
                OperationType = direction == OperatorType.Upgrade ? ModificationOperationType.Upgrade : ModificationOperationType.Downgrade,
            },
            cancellationToken).ConfigureAwait(false);
        var types = answer.SupportedResourcesOf(InstanceTypeResource).ToArray();
        return new Offer(
            types.Where(t => t.IsInStock).Select(t => t.Value).Distinct(StringComparer.Ordinal).ToArray(),
            types.Where(t => !t.IsInStock).Select(t => t.Value).Distinct(StringComparer.Ordinal).ToArray());
    }

    public static Task StopAsync(IEcsSpecClient client, ResizeInstanceRequest request, CancellationToken cancellationToken) =>
        client.StopInstanceAsync(new StopInstanceRequest { InstanceId = request.InstanceId, StoppedMode = request.StoppedMode }, cancellationToken);

    public static Task StartAsync(IEcsSpecClient client, ResizeInstanceRequest request, CancellationToken cancellationToken) =>
        client.StartInstanceAsync(new StartInstanceRequest { InstanceId = request.InstanceId }, cancellationToken);

    public static async Task<string> DryRunStopAsync(IEcsSpecClient client, ResizeInstanceRequest request, CancellationToken cancellationToken)
    {
        await client.StopInstanceAsync(
            new StopInstanceRequest { InstanceId = request.InstanceId, StoppedMode = request.StoppedMode, DryRun = true }, cancellationToken).ConfigureAwait(false);
        return "would stop it and wait until Stopped (StopInstance dry run passed)";
    }

    public static async Task<string> DryRunChangeAsync(IEcsSpecClient client, ResizeInstanceRequest request, string clientToken, CancellationToken cancellationToken)
    {
        await client.ModifyInstanceSpecAsync(PostpaidChange(request, clientToken) with { DryRun = true }, cancellationToken).ConfigureAwait(false);
        return "would send ModifyInstanceSpec (dry run passed)";
    }

    /// <summary>Sends the change; returns the order ID of a prepaid change.</summary>
    public static async Task<string?> ChangeAsync(
        IEcsSpecClient client, ResizeInstanceRequest request, string? chargeType, OperatorType direction, string clientToken, CancellationToken cancellationToken)
    {
        if (ResizePlan.OperationFor(chargeType) == "ModifyInstanceSpec")
        {
            await client.ModifyInstanceSpecAsync(PostpaidChange(request, clientToken), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var order = await client.ModifyPrepayInstanceSpecAsync(
            new ModifyPrepayInstanceSpecRequest
            {
                RegionId = request.RegionId,
                InstanceId = request.InstanceId,
                InstanceType = request.InstanceType,
                OperatorType = direction,
                ClientToken = clientToken,
                AutoPay = request.AutoPay,
            },
            cancellationToken).ConfigureAwait(false);
        return order.OrderId;
    }

    private static ModifyInstanceSpecRequest PostpaidChange(ResizeInstanceRequest request, string clientToken) => new()
    {
        RegionId = request.RegionId,
        InstanceId = request.InstanceId,
        InstanceType = request.InstanceType,
        ClientToken = clientToken,
    };
}
