namespace AliEcsSpec.Client.Workflow;

/// <summary>The steps that change the instance: stop, change, start, and the waits between them.</summary>
internal sealed partial class ResizeSteps
{
    private async Task StopAsync()
    {
        await run.StepAsync(
            ResizeStepKind.Stop,
            null,
            async () =>
            {
                run.StopSent = true;
                await InstanceCalls.StopAsync(client, request, cancellationToken).ConfigureAwait(false);
                return run.LastSeen = await WaitAsync(i => i.Status == EcsInstanceStatus.Stopped, "status Stopped").ConfigureAwait(false);
            },
            static i => $"stopped ({i.Status})",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ChangeAsync(string? chargeType, OperatorType direction, string clientToken)
    {
        var orderId = await run.StepAsync(
            ResizeStepKind.Change,
            clientToken,
            async () =>
            {
                var order = await InstanceCalls.ChangeAsync(client, request, chargeType, direction, clientToken, cancellationToken).ConfigureAwait(false);
                run.Changed = true;
                return order;
            },
            order => $"{ResizePlan.OperationFor(chargeType)} accepted" + (order is null ? string.Empty : $", order {order}"),
            cancellationToken).ConfigureAwait(false);
        return orderId;
    }

    private async Task WaitForTypeOrSkipAsync(bool show)
    {
        if (!show)
        {
            run.Note(ResizeStepKind.WaitForType, ResizeStepState.Skipped, $"a prepaid downgrade shows when the instance is started; {_target} applies at the next start");
            return;
        }

        await run.StepAsync(
            ResizeStepKind.WaitForType,
            null,
            async () => run.LastSeen = await WaitAsync(i => i.InstanceType == _target, $"type {_target}").ConfigureAwait(false),
            static i => $"DescribeInstances shows {i.InstanceType}",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task StartOrSkipAsync(bool restart)
    {
        if (!restart || IsRunning(run.LastSeen))
        {
            run.Note(ResizeStepKind.Start, ResizeStepState.Skipped, restart ? "it is already Running" : $"left {run.LastSeen?.Status}, as it was");
            return;
        }

        await run.StepAsync(
            ResizeStepKind.Start,
            null,
            async () =>
            {
                await InstanceCalls.StartAsync(client, request, cancellationToken).ConfigureAwait(false);
                return run.LastSeen = await WaitAsync(i => i.Status == EcsInstanceStatus.Running, "status Running").ConfigureAwait(false);
            },
            static i => $"started ({i.Status})",
            cancellationToken).ConfigureAwait(false);
    }

    private Task<EcsInstance> WaitAsync(Func<EcsInstance, bool> reached, string expected) =>
        InstanceWaiter.WaitAsync(client, request.RegionId, request.InstanceId, reached, expected, options, cancellationToken);

    private static bool IsRunning(EcsInstance? instance) => instance?.Status == EcsInstanceStatus.Running;

    private static string Describe(OperatorType direction, string operation, bool needsStop) =>
        $"{(direction == OperatorType.Upgrade ? "upgrade" : "downgrade")} with {operation}"
        + (operation == "ModifyPrepayInstanceSpec" ? $" (OperatorType={(direction == OperatorType.Upgrade ? "upgrade" : "downgrade")})" : string.Empty)
        + (needsStop ? "; needs the instance Stopped" : string.Empty);

    private ResizeResult Result(EcsInstance before, OperatorType? direction, string? operation, string? orderId, bool changed) => new()
    {
        InstanceId = request.InstanceId,
        TypeBefore = before.InstanceType,
        TypeAfter = run.LastSeen?.InstanceType ?? before.InstanceType,
        StatusBefore = before.Status,
        StatusAfter = run.LastSeen?.Status ?? before.Status,
        Direction = direction,
        Operation = operation,
        OrderId = orderId,
        Changed = changed,
        PlanOnly = request.PlanOnly,
        Steps = run.Steps.ToArray(),
    };
}
