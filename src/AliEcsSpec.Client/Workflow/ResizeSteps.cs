using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Workflow;

/// <summary>The steps of one resize, in order; each call goes through <see cref="ResizeRun.StepAsync"/>.</summary>
internal sealed partial class ResizeSteps(
    IEcsSpecClient client, ResizeInstanceRequest request, EcsWorkflowOptions options, ResizeRun run, CancellationToken cancellationToken)
{
    private readonly string _target = request.InstanceType;

    public async Task<ResizeResult> RunAsync()
    {
        var before = await DescribeAsync().ConfigureAwait(false);
        if (string.Equals(before.InstanceType, _target, StringComparison.Ordinal))
        {
            return await AlreadyTargetAsync(before).ConfigureAwait(false);
        }

        RefuseUnchangeable(before);
        var direction = await CheckOfferAsync(before.InstanceType, ResizePlan.ChecksDowngrades(before.InstanceChargeType)).ConfigureAwait(false);
        var operation = ResizePlan.OperationFor(before.InstanceChargeType);
        var needsStop = ResizePlan.NeedsStopped(before.InstanceChargeType, direction)
            && string.Equals(before.Status, EcsInstanceStatus.Running, StringComparison.Ordinal);
        var clientToken = ResizeClientTokens.For(request.PlanToken ?? run.RandomPlanToken, request.InstanceId, _target, ResizeStepKind.Change);
        run.Note(ResizeStepKind.ChooseOperation, ResizeStepState.Completed, Describe(direction, operation, needsStop), clientToken);
        if (needsStop && !request.AllowStop)
        {
            throw run.Fail(ResizeStepKind.Stop, context => new ResizeNeedsStopException(context, operation));
        }

        if (request.PlanOnly)
        {
            return await PlanAsync(before, direction, operation, needsStop, clientToken).ConfigureAwait(false);
        }

        if (needsStop)
        {
            await StopAsync().ConfigureAwait(false);
        }
        else
        {
            run.Note(ResizeStepKind.Stop, ResizeStepState.Skipped, $"not needed: the instance is {before.Status}");
        }

        string? orderId;
        try
        {
            orderId = await ChangeAsync(before.InstanceChargeType, direction, clientToken).ConfigureAwait(false);
        }
        catch (ResizeStepFailedException refused) when (
            refused.InnerException is EcsIncorrectInstanceStateException && !needsStop && request.AllowStop && IsRunning(run.LastSeen))
        {
            // The older revision (000) wants a subscription stopped for an upgrade too. The refused call made no
            // order, so the same change is sent again, with the same ClientToken, once the instance is stopped.
            await StopAsync().ConfigureAwait(false);
            orderId = await ChangeAsync(before.InstanceChargeType, direction, clientToken).ConfigureAwait(false);
        }

        var restart = ResizePlan.Restarts(request.RestartAfter, run.StoppedByResize);
        if (ResizePlan.ShowsAfterStart(before.InstanceChargeType, direction))
        {
            await StartOrSkipAsync(restart).ConfigureAwait(false);
            await WaitForTypeOrSkipAsync(show: IsRunning(run.LastSeen)).ConfigureAwait(false);
        }
        else
        {
            await WaitForTypeOrSkipAsync(show: true).ConfigureAwait(false);
            await StartOrSkipAsync(restart).ConfigureAwait(false);
        }

        return Result(before, direction, operation, orderId, changed: true);
    }

    private async Task<EcsInstance> DescribeAsync()
    {
        var seen = await run.StepAsync(
            ResizeStepKind.Describe,
            null,
            async () =>
            {
                var instance = await PatientReads.ReadAsync(
                    token => InstanceCalls.DescribeAsync(client, request.RegionId, request.InstanceId, token), "DescribeInstances", options, run.Logger, cancellationToken).ConfigureAwait(false);
                // A stop or start under way (a plan run again after a crash meets this) settles by itself: wait for it.
                return instance is not null && ResizePlan.SettlesInto(instance.Status) is { } settled
                    ? await WaitAsync(i => i.Status == settled, "status " + settled).ConfigureAwait(false)
                    : instance;
            },
            i => i is null ? "not found" : $"{i.Status} {i.InstanceType} {i.InstanceChargeType}",
            cancellationToken).ConfigureAwait(false);
        run.LastSeen = seen;
        return seen ?? throw run.Fail(ResizeStepKind.Describe, context => new ResizeInstanceNotFoundException(context, request.RegionId));
    }

    private async Task<ResizeResult> AlreadyTargetAsync(EcsInstance before)
    {
        // A plan run again after its change applied lands here; it still owes the start it may have left undone.
        var start = request.RestartAfter == true && !request.PlanOnly && string.Equals(before.Status, EcsInstanceStatus.Stopped, StringComparison.Ordinal);
        foreach (var kind in new[] { ResizeStepKind.CheckOffer, ResizeStepKind.ChooseOperation, ResizeStepKind.Stop, ResizeStepKind.Change, ResizeStepKind.WaitForType })
        {
            run.Note(kind, ResizeStepState.Skipped, $"the instance already has type {_target}");
        }

        await StartOrSkipAsync(start).ConfigureAwait(false);
        return Result(before, direction: null, operation: null, orderId: null, changed: false);
    }

    private void RefuseUnchangeable(EcsInstance instance)
    {
        if (!ResizePlan.IsSteady(instance.Status))
        {
            throw run.Fail(ResizeStepKind.CheckOffer, context => new ResizeInstanceNotChangeableException(
                context, $"the instance is {instance.Status}; a type change starts from Running or Stopped."));
        }

        if (InstanceCalls.LockReasons(instance) is { Count: > 0 } locks)
        {
            throw run.Fail(ResizeStepKind.CheckOffer, context => new ResizeInstanceNotChangeableException(
                context, $"the instance has operation locks ({string.Join(", ", locks)}), which refuse every change."));
        }
    }

    private async Task<OperatorType> CheckOfferAsync(string current, bool checksDowngrades)
    {
        var (decision, upgrade, downgrade) = await run.StepAsync(
            ResizeStepKind.CheckOffer,
            null,
            async () =>
            {
                var up = await OfferAsync(OperatorType.Upgrade).ConfigureAwait(false);
                var down = up.IsAvailable(_target) || !checksDowngrades ? Offer.None : await OfferAsync(OperatorType.Downgrade).ConfigureAwait(false);
                return (OfferDecision.Of(_target, current, up, down), up, down);
            },
            found => found.Item1 switch
            {
                { Pending: true } => $"{_target} is not offered, but the current type {current} is: a change is pending; it is sent again with the plan's ClientToken",
                { Direction: OperatorType.Upgrade } => $"{_target} is offered as an upgrade, in stock",
                { Direction: OperatorType.Downgrade } => $"{_target} is offered as a downgrade, in stock",
                _ => $"{_target} is not offered",
            },
            cancellationToken).ConfigureAwait(false);
        return decision.Direction ?? throw run.Fail(ResizeStepKind.ChooseOperation, context => new ResizeTargetNotOfferedException(
            context, _target, upgrade.Available.Union(downgrade.Available, StringComparer.Ordinal).ToArray(),
            upgrade.SoldOut.Union(downgrade.SoldOut, StringComparer.Ordinal).ToArray()));
    }

    private Task<Offer> OfferAsync(OperatorType direction) => PatientReads.ReadAsync(
        token => InstanceCalls.OfferAsync(client, request.RegionId, request.InstanceId, direction, token), "DescribeResourcesModification", options, run.Logger, cancellationToken);

    private async Task<ResizeResult> PlanAsync(EcsInstance before, OperatorType direction, string operation, bool needsStop, string clientToken)
    {
        if (needsStop)
        {
            await run.StepAsync(
                ResizeStepKind.Stop, null, () => InstanceCalls.DryRunStopAsync(client, request, cancellationToken), static d => d, cancellationToken, ResizeStepState.Planned).ConfigureAwait(false);
        }
        else
        {
            run.Note(ResizeStepKind.Stop, ResizeStepState.Skipped, $"not needed: the instance is {before.Status}");
        }

        if (operation == "ModifyInstanceSpec" && !needsStop)
        {
            await run.StepAsync(
                ResizeStepKind.Change, clientToken, () => InstanceCalls.DryRunChangeAsync(client, request, clientToken, cancellationToken), static d => d, cancellationToken, ResizeStepState.Planned).ConfigureAwait(false);
        }
        else
        {
            run.Note(ResizeStepKind.Change, ResizeStepState.Planned, needsStop
                ? $"would send {operation} once the instance is stopped (no dry run before: it would fail on the status)"
                : $"would send {operation} ({direction}); it has no dry run", clientToken);
        }

        var restart = ResizePlan.Restarts(request.RestartAfter, needsStop);
        run.Note(ResizeStepKind.WaitForType, ResizeStepState.Planned, $"would wait until DescribeInstances shows {_target}");
        run.Note(ResizeStepKind.Start, restart ? ResizeStepState.Planned : ResizeStepState.Skipped, restart ? "would start it and wait until Running" : "would leave it as it is");
        return Result(before, direction, operation, orderId: null, changed: false);
    }
}
